namespace Syndication.Articles;

/// <summary>Reads the feeds folder: each sub-folder with a <c>feed.json</c> is a feed, and its articles are the folder's <c>.txt</c> and <c>.md</c> files.</summary>
/// <remarks>
/// Only files directly in the feed's folder count; files whose names start with <c>.</c> or <c>_</c> are drafts or
/// editor files and are ignored. A file that cannot be read, for whatever reason, is reported and skipped; the others
/// still publish.
/// </remarks>
public sealed class FeedFolderReader(ArticleParser parser)
{
    /// <summary>Reads every feed under <paramref name="feedsPath"/>.</summary>
    /// <param name="feedsPath">The feeds folder.</param>
    /// <param name="previous">An earlier read: articles whose files have the same bytes are reused, not parsed again.</param>
    /// <exception cref="DirectoryNotFoundException">The feeds folder does not exist.</exception>
    public FeedCatalog Read(string feedsPath, FeedCatalog? previous = null)
    {
        var diagnostics = new List<SourceDiagnostic>();
        var feeds = new List<SourceFeed>();
        foreach (var folder in FeedFolders(feedsPath))
        {
            if (!File.Exists(Path.Combine(folder, FeedDefinition.FileName)))
            {
                diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, folder, null,
                    $"the folder has no {FeedDefinition.FileName}, so it is not a feed; skipped"));
                continue;
            }

            var name = Path.GetFileName(folder);
            if (ReadFeedFolder(folder, diagnostics, previous?.Feeds.FirstOrDefault(f => f.Definition.Name == name)) is { } feed)
            {
                feeds.Add(feed);
            }
        }

        return new FeedCatalog(feeds, diagnostics);
    }

    /// <summary>
    /// A hash of the files <see cref="Read"/> reads (each feed folder's definition and article files, by name and
    /// SHA-256 of the bytes), and the feeds' names, without parsing anything. A file that cannot be read counts as such.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The feeds folder does not exist.</exception>
    public SourceFingerprint Fingerprint(string feedsPath)
    {
        var files = new List<string>();
        var feeds = new List<string>();
        foreach (var folder in FeedFolders(feedsPath))
        {
            files.Add(Path.Combine(folder, FeedDefinition.FileName));
            if (File.Exists(files[^1]))
            {
                feeds.Add(Path.GetFileName(folder));
            }

            files.AddRange(ArticleFiles(folder));
        }

        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                hashes[i] = ArticleParser.HashOf(File.ReadAllBytes(files[i]));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hashes[i] = "unreadable";
            }
        });

        return SourceFingerprint.Of(files.Select((file, i) => (Path.GetRelativePath(feedsPath, file).Replace(Path.DirectorySeparatorChar, '/'), (string?)hashes[i])), feeds);
    }

    /// <summary>Reads one feed, or returns <see langword="null"/> (with the reason in <paramref name="diagnostics"/>) when it cannot be read.</summary>
    /// <param name="feedsPath">The feeds folder.</param>
    /// <param name="name">The feed.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="previous">An earlier read of the feed: articles whose files have the same bytes are reused, not parsed again.</param>
    public SourceFeed? ReadFeed(string feedsPath, string name, ICollection<SourceDiagnostic> diagnostics, SourceFeed? previous = null)
    {
        var folder = Path.Combine(feedsPath, name);
        return File.Exists(Path.Combine(folder, FeedDefinition.FileName)) ? ReadFeedFolder(folder, diagnostics, previous) : null;
    }

    private SourceFeed? ReadFeedFolder(string folder, ICollection<SourceDiagnostic> diagnostics, SourceFeed? previous = null)
    {
        try
        {
            var definition = FeedDefinitionReader.ReadFile(folder, diagnostics);
            return new SourceFeed(definition, ReadArticles(folder, diagnostics, previous));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(SourceDiagnostic.Of(Path.Combine(folder, FeedDefinition.FileName), e));
            return null;
        }
    }

    private List<Article> ReadArticles(string folder, ICollection<SourceDiagnostic> diagnostics, SourceFeed? previous)
    {
        var known = previous?.Articles.Where(a => a.Reusable).ToDictionary(a => a.FileName, StringComparer.Ordinal);
        var files = ArticleFiles(folder);

        // Files are parsed in parallel; results and problems are collected in file order, so output never depends on timing.
        var results = new (Article? Article, List<SourceDiagnostic> Diagnostics)[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var found = new List<SourceDiagnostic>();
            try
            {
                var bytes = parser.ReadBytes(files[i]);
                var hash = ArticleParser.HashOf(bytes);
                results[i] = known is not null && known.TryGetValue(Path.GetFileName(files[i]), out var same) && same.ContentHash == hash
                    ? (same, found)
                    : (Parse(files[i], bytes, found), found);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                found.Add(SourceDiagnostic.Of(files[i], e));
                results[i] = (null, found);
            }
        });

        var articles = new List<Article>(files.Length);
        foreach (var (article, found) in results)
        {
            foreach (var diagnostic in found)
            {
                diagnostics.Add(diagnostic);
            }

            if (article is not null)
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    private Article Parse(string file, byte[] bytes, List<SourceDiagnostic> found)
    {
        var article = parser.Parse(file, bytes, found);
        // Only an article read without a word to say is reused later: the others must say it again on every read.
        return found.Count == 0 ? article with { Reusable = true } : article;
    }

    /// <summary>The feed folders under <paramref name="feedsPath"/> in name order: every folder but drafts.</summary>
    /// <exception cref="DirectoryNotFoundException">The feeds folder does not exist.</exception>
    private static IEnumerable<string> FeedFolders(string feedsPath) =>
        Directory.Exists(feedsPath)
            ? Directory.GetDirectories(feedsPath).Order(StringComparer.Ordinal).Where(folder => !IsIgnored(folder))
            : throw new DirectoryNotFoundException($"The feeds folder '{feedsPath}' does not exist (Syndication:FeedsPath).");

    /// <summary>The article files of a feed folder in name order: <c>.txt</c> and <c>.md</c> files that are not drafts.</summary>
    private static string[] ArticleFiles(string folder) =>
        [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Where(file => !IsIgnored(file) && ArticleParser.FormatOf(file) is not null)];

    /// <summary>Whether a file or folder is a draft or an editor's file (its name starts with <c>.</c> or <c>_</c>), which no feed reads.</summary>
    public static bool IsIgnored(string path) => Path.GetFileName(path) is ['.' or '_', ..];
}
