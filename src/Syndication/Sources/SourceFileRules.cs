using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>
/// Which files of a source make its feeds, the same for every source: each folder directly under the source is a
/// feed when it holds a <c>feed.json</c>, and its articles are the <c>.txt</c> and <c>.md</c> files directly in it.
/// </summary>
/// <remarks>
/// Names starting with <c>.</c> or <c>_</c> are drafts or editor files, and deeper files are the newsroom's own
/// (pictures, notes): no feed reads them. Everything is taken in ordinal name order, so that output and diagnostics
/// never depend on how a listing or a parallel read happened to order them.
/// </remarks>
public static class SourceFileRules
{
    /// <summary>The order of feeds and of articles within a feed.</summary>
    public static StringComparer Order => StringComparer.Ordinal;

    /// <summary>Whether a file or folder is a draft or an editor's file, which no feed reads.</summary>
    public static bool IsDraft(string name) => name is ['.' or '_', ..];

    /// <summary>Whether a folder directly under the source may be a feed.</summary>
    public static bool IsFeedFolder(string name) => !IsDraft(name);

    /// <summary>Whether a file in a feed's folder is its definition.</summary>
    public static bool IsFeedDefinition(string fileName) => fileName == FeedDefinition.FileName;

    /// <summary>Whether a file in a feed's folder is one of its articles.</summary>
    public static bool IsArticle(string fileName) => !IsDraft(fileName) && ArticleParser.FormatOf(fileName) is not null;

    /// <summary>
    /// Whether a change to <paramref name="relativePath"/> (a path under the source) may change
    /// what a read finds: an article, a feed definition or a folder (a name without extension), none of it a draft or
    /// under a draft folder. Editor swap files and other tools' output do not count.
    /// </summary>
    public static bool MayChangeARead(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(IsDraft))
        {
            return false;
        }

        var name = segments[^1];
        return IsFeedDefinition(name) || ArticleParser.FormatOf(name) is not null || Path.GetExtension(name).Length == 0;
    }

    /// <summary>Whether an article file of <paramref name="length"/> bytes may be read.</summary>
    public static bool FitsSizeLimit(long length, ArticleParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return length <= options.MaxFileBytes;
    }

    /// <summary>Throws when an article file of <paramref name="length"/> bytes is over the size limit.</summary>
    /// <exception cref="SourceFormatException">The file is too large to be read.</exception>
    public static void CheckSize(string path, long length, ArticleParserOptions options)
    {
        if (!FitsSizeLimit(length, options))
        {
            throw new SourceFormatException(path, null,
                $"the file has {length} bytes, more than the limit of {options!.MaxFileBytes} (Syndication:Articles:MaxFileBytes)");
        }
    }

    /// <summary>Whether what was read from a file may be reused for the same bytes later: only when it had nothing to say, as problems must be said on every read.</summary>
    public static bool IsReusable(IReadOnlyCollection<SourceDiagnostic> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return found.Count == 0;
    }

    /// <summary>
    /// Whether a feed folder's name is that of a document published beside the feeds (the page and OPML list of all
    /// feeds, the JSON Feed extension's page): its documents would be written where that document is.
    /// </summary>
    public static bool IsReservedFeedName(string name) =>
        name is Formats.FeedListWriter.PageFileName or Formats.FeedListWriter.OpmlFileName or Formats.ExtensionPageWriter.FileName;

    /// <summary>The error for a feed folder whose name is reserved (<see cref="IsReservedFeedName"/>).</summary>
    public static SourceDiagnostic ReservedFeedName(string folderPath) =>
        new(DiagnosticSeverity.Error, folderPath, null,
            $"the folder's name is that of a document published beside the feeds ({Formats.FeedListWriter.PageFileName}, {Formats.FeedListWriter.OpmlFileName}, "
            + $"{Formats.ExtensionPageWriter.FileName}), so it cannot be a feed; rename the folder");

    /// <summary>The warning for a folder that has no definition.</summary>
    public static SourceDiagnostic NotAFeed(string folderPath) =>
        new(DiagnosticSeverity.Warning, folderPath, null, $"the folder has no {FeedDefinition.FileName}, so it is not a feed; skipped");
}
