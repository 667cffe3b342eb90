using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// The last published bytes of each article file: kept when an article is published new or changed, and read back
/// when its file breaks later, so bad input never takes away what was published.
/// </summary>
internal sealed class ArticleCopies(IFeedSource source, IArticleCopyStore copies, IFeedStateStore states, ArticleParser parser, ILogger logger)
{
    /// <summary>Keeps a copy of every article in <paramref name="changed"/> (new or changed in this run) of <paramref name="feed"/>.</summary>
    /// <remarks>
    /// One archive at a time per task, its files read just before it is written: a new feed of 100,000 articles
    /// never holds all their bytes at once.
    /// </remarks>
    public async Task KeepAsync(string feed, IReadOnlyList<Article> changed, CancellationToken cancellationToken)
    {
        var archives = changed.GroupBy(a => ArticleCopyArchive.BucketOf(a.FileName));
        await Parallel.ForEachAsync(archives, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (archive, token) =>
        {
            var files = new ConcurrentBag<KeyValuePair<string, ReadOnlyMemory<byte>>>();
            await Parallel.ForEachAsync(archive, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (article, reading) =>
            {
                // Only the bytes this run parsed: a file saved again since then is kept by the run that publishes it.
                if (await source.ReadBytesAsync(feed, article.FileName, article.ContentHash, reading).ConfigureAwait(false) is { } bytes)
                {
                    files.Add(new(article.FileName, bytes));
                }
            }).ConfigureAwait(false);
            await copies.SaveAsync(feed, files, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary><paramref name="catalog"/> with the kept copy of each published article its read reported as unreadable, logged by file.</summary>
    public async Task<FeedCatalog> RecoverAsync(FeedCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.HasErrors)
        {
            return catalog;
        }

        var feeds = new List<SourceFeed>(catalog.Feeds.Count);
        foreach (var feed in catalog.Feeds)
        {
            feeds.Add(await RecoverAsync(feed, catalog.Diagnostics, log: true, cancellationToken).ConfigureAwait(false));
        }

        return catalog with { Feeds = feeds };
    }

    /// <summary>
    /// <paramref name="feed"/> with the kept copy of each published article whose file <paramref name="diagnostics"/>
    /// report as unreadable now. An article that was never published is simply skipped.
    /// </summary>
    /// <param name="feed">The feed as read.</param>
    /// <param name="diagnostics">The problems the read reported.</param>
    /// <param name="log">Whether to log each recovered file (the first read of a run does; the read under the lock repeats it).</param>
    /// <param name="cancellationToken">Cancels the recovery.</param>
    public async Task<SourceFeed> RecoverAsync(SourceFeed feed, IEnumerable<SourceDiagnostic> diagnostics, bool log, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        var broken = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Feed == name && d.ArticleFile is not null).ToList();
        if (broken.Count == 0)
        {
            return feed;
        }

        var (state, _) = await states.LoadAsync(name, cancellationToken).ConfigureAwait(false);
        var recovered = new List<Article>();
        foreach (var diagnostic in broken)
        {
            var fileName = diagnostic.ArticleFile!;
            if (!state.Articles.TryGetValue(fileName, out var known) || known.Removed
                || await copies.LoadAsync(name, fileName, cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                continue;
            }

            try
            {
                recovered.Add(parser.Parse(diagnostic.File, bytes, new List<SourceDiagnostic>()));
                if (log)
                {
                    Log.SourceRecovered(logger, diagnostic.File);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The kept copy cannot be read either: the article is dropped like any unreadable one.
            }
        }

        return recovered.Count == 0
            ? feed
            : feed with { Articles = [.. feed.Articles.Concat(recovered).OrderBy(a => a.FileName, StringComparer.Ordinal)] };
    }
}
