using Syndication.Storage;

namespace Syndication.Tests;

/// <summary>What a run into a local output folder leaves behind: the folder, and the private folder beside it.</summary>
internal static class OutputFolder
{
    /// <summary>Deletes the output folder <paramref name="output"/> and its default private folder, those that exist.</summary>
    public static void Delete(string output)
    {
        foreach (var folder in new[] { output, PrivateFolder.Of(output, null) })
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
