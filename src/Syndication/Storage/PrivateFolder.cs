namespace Syndication.Storage;

/// <summary>The <c>.syndication</c> folder under a local output folder: what the blob stores keep in the private container.</summary>
internal static class PrivateFolder
{
    /// <summary>The private folder of the output folder <paramref name="root"/>.</summary>
    public static string Of(string root) => Path.Combine(Path.GetFullPath(root), ".syndication");
}
