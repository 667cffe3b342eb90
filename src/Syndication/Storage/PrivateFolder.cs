using Microsoft.Extensions.Logging;

namespace Syndication.Storage;

/// <summary>
/// The folder that holds, for a local output folder (<c>publish --out DIR</c>), what the blob stores keep in the
/// private container: feed states, publication records and copies of the article files. It lies outside the output
/// folder, because that folder is what a web server serves.
/// </summary>
internal static class PrivateFolder
{
    /// <summary>The folder inside the output folder where earlier versions kept the private files.</summary>
    public const string FormerName = ".syndication";

    /// <summary>The suffix of the default private folder's name, after the output folder's name.</summary>
    public const string DefaultSuffix = ".syndication-state";

    /// <summary>
    /// The private folder of the output folder <paramref name="output"/>: <paramref name="statePath"/> when set, else
    /// <c>&lt;output&gt;.syndication-state</c> beside it, so that each output folder has its own. <see langword="null"/>
    /// when there is no default because the output folder is a file system root.
    /// </summary>
    public static string? Of(string output, string? statePath)
    {
        if (!string.IsNullOrWhiteSpace(statePath))
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(statePath));
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var parent = Path.GetDirectoryName(root);
        return parent is null ? null : Path.Combine(parent, Path.GetFileName(root) + DefaultSuffix);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it, both taken as full paths (a root
    /// such as <c>/</c> holds every path). Case is ignored where the file systems usually ignore it (Windows, macOS).
    /// </summary>
    public static bool IsWithin(string path, string folder)
    {
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        folder = Path.GetFullPath(folder);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(Path.TrimEndingDirectorySeparator(folder), comparison) || path.StartsWith(prefix, comparison);
    }

    /// <summary>Whether either folder is the other or lies inside it.</summary>
    public static bool Overlap(string first, string second) => IsWithin(first, second) || IsWithin(second, first);

    /// <summary>
    /// The private folder <paramref name="folder"/> of <paramref name="output"/>, ready to use: when it does not exist
    /// and the output folder still has the private files where earlier versions kept them, they are moved there
    /// first, so the articles keep their dates and nothing published changes. A dry run moves nothing: it reads the
    /// former folder where it is.
    /// </summary>
    public static string Prepare(string output, string folder, bool dryRun, ILogger logger)
    {
        var former = Path.Combine(Path.GetFullPath(output), FormerName);
        if (Directory.Exists(folder) || !Directory.Exists(former))
        {
            return folder;
        }

        if (dryRun)
        {
            return former;
        }

        var parent = Path.GetDirectoryName(folder);
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        try
        {
            Directory.Move(former, folder);
        }
        catch (IOException) when (!Directory.Exists(folder))
        {
            // Another file system: a rename cannot cross it, so copy, then delete the former folder.
            Copy(former, folder);
            Directory.Delete(former, recursive: true);
        }

        StorageLog.PrivateFolderMoved(logger, former, folder);
        return folder;
    }

    private static void Copy(string from, string to)
    {
        // Copied under a temporary name and renamed at the end: an interrupted copy leaves the former folder in use.
        var partial = to + AtomicFile.TemporarySuffix;
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(partial, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(partial);
        Directory.Move(partial, to);
    }
}
