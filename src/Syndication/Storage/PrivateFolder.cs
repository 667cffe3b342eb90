namespace Syndication.Storage;

/// <summary>The <c>.syndication</c> folder under a local output folder: what the blob stores keep in the private container.</summary>
internal static class PrivateFolder
{
    /// <summary>The private folder of the output folder <paramref name="root"/>.</summary>
    public static string Of(string root) => Path.Combine(Path.GetFullPath(root), ".syndication");

    /// <summary>Writes <paramref name="bytes"/> to a temporary name and renames it, so a crash never leaves half a file.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
