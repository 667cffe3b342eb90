namespace Syndication.Tests;

/// <summary>A copy of the repository's sample feeds in a temporary folder, for tests that add or change articles.</summary>
internal sealed class TemporaryFeedsFolder : IDisposable
{
    /// <param name="withSamples">Whether to start with the sample feeds; without them the folder starts empty.</param>
    public TemporaryFeedsFolder(bool withSamples = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "syndication-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var file in withSamples ? Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories) : [])
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(RepositoryPaths.Feeds, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
        return target;
    }

    public string Write(string relativePath, byte[] bytes)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
