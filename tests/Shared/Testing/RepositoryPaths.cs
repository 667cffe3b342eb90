namespace Syndication.Tests;

/// <summary>Finds the repository's files from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Feeds => Path.Combine(Root, "feeds");

    public static string SeedArticle => Path.Combine(Feeds, "world", "000_1cfd89721070237b.txt");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Syndication.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Syndication.sln above {AppContext.BaseDirectory}.");
    }
}
