namespace Syndication.Benchmarks;

/// <summary>The repository the benchmarks run from: its Azurite and its worker project are found relative to it.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding <c>Syndication.sln</c>, searched upwards from the benchmark's own output folder.</summary>
    /// <exception cref="InvalidOperationException">The benchmark does not run from a build inside the repository.</exception>
    public static string Find()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Syndication.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Run the benchmarks from the repository.");
        }

        return root;
    }
}
