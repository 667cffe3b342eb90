using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// One publishing pass: read every feed, build each one under its lease, write its RSS, Atom and JSON Feed
/// documents (subscription and archive pages) and its page, then the page and OPML list of all feeds, and store
/// what changed.
/// </summary>
/// <remarks>
/// A feed that fails (storage refuses it, its state is unreadable, it would lose too many entries) is reported and
/// the others still publish. Each feed is written under a lease, by one worker at a time, and its articles are read
/// again once the lease is held, so a worker never publishes an older view of a feed than the one before it.
/// </remarks>
public sealed class FeedPublisher(
    IOptions<SyndicationOptions> options,
    BlobServiceClient? blobService,
    TimeProvider timeProvider,
    ILogger<FeedPublisher> logger,
    HttpClient? http = null)
{
    private const int MaxStateAttempts = 8;
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(250);

    private BlobServiceClient Blobs => blobService
        ?? throw new InvalidOperationException("No storage account is configured: set Syndication:Storage:ConnectionString or Syndication:Storage:ServiceUri.");
    private readonly SyndicationOptions _options = options.Value;
    private readonly HtmlContentSanitizer _sanitizer = new();

    // Lives as long as the publisher: it remembers its last read, so a running worker reads and parses only the files
    // that changed since. It holds the articles between runs (about 6 KB each as parsed), as the run holds them anyway.
    private IFeedSource? _source;

    // The RSS ttl: how long readers may cache the feed, the gap between two scheduled runs.
    private readonly TimeSpan _timeToLive = options.Value.ParseSchedule().TypicalInterval(DateTimeOffset.UnixEpoch);

    /// <summary>Publishes every feed once.</summary>
    /// <param name="cancellationToken">Stops the pass between uploads.</param>
    /// <param name="waitForLeases">
    /// Whether to wait (up to <see cref="SyndicationOptions.LeaseWait"/>) for a feed that another worker is writing,
    /// or to leave it to that worker.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The feeds folder is missing.</exception>
    /// <exception cref="PublicAccessNotPermittedException">The container cannot be created with the configured access.</exception>
    /// <exception cref="RequestFailedException">Storage cannot be reached or refuses the containers.</exception>
    /// <param name="progress">Told after each feed how many of the feeds are done (for a terminal's progress line).</param>
    public async Task<PublishReport> PublishAsync(CancellationToken cancellationToken, bool waitForLeases = true, IProgress<(int Done, int Total)>? progress = null)
    {
        var started = timeProvider.GetTimestamp();
        var parser = new ArticleParser(_options.Articles);
        var source = _source ??= _options.Source.Container is { } inbox
            ? new BlobFeedSource(Blobs.GetBlobContainerClient(inbox), parser)
            : new FolderFeedSource(_options.FeedsPath, parser);
        var storage = _options.Storage;
        var (documents, states) = _options.OutputPath is { } output
            ? ((IDocumentStore)new FolderDocumentStore(output), (IFeedStateStore)new FolderFeedStateStore(output))
            : (new BlobDocumentStore(Blobs.GetBlobContainerClient(storage.Container), storage),
                new BlobFeedStateStore(Blobs.GetBlobContainerClient(storage.EffectiveStateContainer), storage.Container));
        var publicBase = _options.PublicBaseUrl ?? documents.Location;
        var directoryUrls = DirectoryUrls(publicBase);

        // Hashed before anything is parsed: a file saved after this point is published by this run or the next.
        var sources = await source.FingerprintAsync(cancellationToken).ConfigureAwait(false);
        var inputs = PublishFingerprint.OfInputs(_options, publicBase, sources);
        Log.PublishStarting(logger, sources.Feeds.Count, source.Location, documents.Location.AbsoluteUri);
        await documents.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await states.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (await UnchangedAsync(documents, states, sources.Feeds, inputs, publicBase, cancellationToken).ConfigureAwait(false) is { } unchanged)
        {
            Log.NothingChanged(logger, unchanged.Count);
            return Finish(started, unchanged, new FeedCatalog([], []), directoryUrls, unchanged.Sum(r => r.Entries));
        }

        var catalog = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        LogDiagnostics(catalog.Diagnostics);
        var clean = catalog.Diagnostics.Count == 0;
        if (catalog.HasErrors)
        {
            var feeds = new List<SourceFeed>(catalog.Feeds.Count);
            foreach (var feed in catalog.Feeds)
            {
                feeds.Add(await RecoverAsync(feed, catalog.Diagnostics, parser, states, log: true, cancellationToken).ConfigureAwait(false));
            }

            catalog = catalog with { Feeds = feeds };
        }

        var resolver = new RelatedLinkResolver(catalog, _options.Related);
        var builder = new FeedContentBuilder(resolver, _sanitizer);
        var results = new List<FeedPublishResult>(catalog.Feeds.Count);
        foreach (var feed in catalog.Feeds)
        {
            progress?.Report((results.Count, catalog.Feeds.Count));
            var name = feed.Definition.Name;
            var urls = FeedUrls.For(publicBase, name) with { Hub = _options.WebSub.Hub };
            try
            {
                await using var lease = await AcquireLeaseAsync(states, name, waitForLeases, cancellationToken).ConfigureAwait(false);
                if (lease is null)
                {
                    Log.FeedSkipped(logger, name);
                    results.Add(new FeedPublishResult(name, 0, urls.All, 0, 0, null, Skipped: true));
                    continue;
                }

                using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
                var (fresh, freshClean) = await ReadAgainAsync(source, feed, parser, states, writing.Token).ConfigureAwait(false);
                var (state, changed) = await UpdateStateAsync(states, fresh, resolver, writing.Token).ConfigureAwait(false);
                if (results.Count == catalog.Feeds.Count - 1)
                {
                    resolver.ForgetComputed(); // the last feed's state is saved: no more related articles are needed
                }

                await KeepSourcesAsync(source, states, name, changed, writing.Token).ConfigureAwait(false);
                var content = builder.Build(fresh, state);
                var pages = FeedPaging.Paginate(content, _options.PageSize);
                var fingerprints = PublishFingerprint.Of(_options, urls, _timeToLive, pages);
                var (changedPages, kept, stale) = await ChangedPagesAsync(documents, states, urls, pages, fingerprints, writing.Token).ConfigureAwait(false);
                var summary = changedPages.Count == 0 && !stale
                    ? new UploadSummary(0, 0)
                    : await documents.SynchronizeAsync(name + "/", Render(pages, changedPages, urls), blob => IsOwned(name, blob) && !kept.ContainsKey(blob), writing.Token)
                        .ConfigureAwait(false);
                var snapshot = new PublishedSnapshot(fingerprints, new Dictionary<string, string>(kept.Concat(summary.Hashes), StringComparer.Ordinal))
                {
                    Inputs = clean && freshClean ? inputs : null,
                    State = await states.VersionAsync(name, writing.Token).ConfigureAwait(false),
                    Entries = content.Entries.Count,
                };
                await states.SaveSnapshotAsync(name, snapshot, writing.Token).ConfigureAwait(false);
                if (summary.Uploaded == 0 && summary.Deleted == 0)
                {
                    Log.FeedUnchanged(logger, name, content.Entries.Count, kept.Count + summary.Unchanged);
                    results.Add(new FeedPublishResult(name, content.Entries.Count, urls.All, 0, kept.Count + summary.Unchanged, null, Archives: pages.Count - 1));
                    continue;
                }

                Log.FeedPublished(logger, name, content.Entries.Count, pages.Count - 1, summary.Uploaded, summary.BytesUploaded, summary.Unchanged + kept.Count, summary.Deleted,
                    string.Join(' ', urls.All.Select(u => u.AbsoluteUri)));
                results.Add(new FeedPublishResult(name, content.Entries.Count, urls.All, summary.Uploaded, summary.Unchanged + kept.Count, null,
                    summary.Deleted, summary.BytesUploaded, pages.Count - 1));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever goes wrong with one feed stays with it: the other feeds and the list of all feeds still publish.
                var reason = e switch
                {
                    RequestFailedException failed => $"storage answered {failed.Status} {failed.ErrorCode}",
                    OperationCanceledException => "the feed's lease was lost while writing; another worker took the feed over",
                    FeedStateException or MassDeletionRefusedException => e.Message,
                    _ => $"unexpected {e.GetType().Name}: {e.Message}",
                };
                Log.FeedFailed(logger, e, name, reason);
                results.Add(new FeedPublishResult(name, 0, urls.All, 0, 0, reason));
            }
        }

        progress?.Report((results.Count, catalog.Feeds.Count));
        await NotifyHubAsync(results, cancellationToken).ConfigureAwait(false);
        var listed = catalog.Feeds.Select(f => (f.Definition, FeedUrls.For(publicBase, f.Definition.Name))).ToList();
        var directory = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in new[]
                 {
                     FeedDirectoryWriter.WritePage(_options.Title, listed, directoryUrls[1]),
                     FeedDirectoryWriter.WriteOpml(_options.Title, listed),
                 })
        {
            var summary = await documents.SynchronizeAsync(document.Name, [document], _ => false, cancellationToken).ConfigureAwait(false);
            directory[document.Name] = summary.Hashes[document.Name];
        }

        var allPublished = results.All(r => r.Succeeded && !r.Skipped);
        await states.SaveSnapshotAsync(DirectorySnapshot, new PublishedSnapshot([], directory) { Inputs = clean && allPublished ? inputs : null }, cancellationToken)
            .ConfigureAwait(false);
        Log.DirectoryPublished(logger, directoryUrls[0].AbsoluteUri, directoryUrls[1].AbsoluteUri);
        return Finish(started, results, catalog, directoryUrls, catalog.Feeds.Sum(f => f.Articles.Count));
    }

    /// <summary>Tells the WebSub hub about the feeds whose documents changed; after the uploads, so it never delays them.</summary>
    private async Task NotifyHubAsync(List<FeedPublishResult> results, CancellationToken cancellationToken)
    {
        if (_options.WebSub.Hub is null)
        {
            return;
        }

        var changed = results.Where(r => r.Succeeded && !r.Skipped && r.Uploaded > 0)
            .Select(r => (r.Feed, (IReadOnlyList<Uri>)[.. r.Urls.Take(3)]))
            .ToList();
        using var owned = http is null ? new HttpClient() : null;
        await new WebSubNotifier(http ?? owned!, _options.WebSub, timeProvider, logger).NotifyAsync(changed, cancellationToken).ConfigureAwait(false);
    }

    private PublishReport Finish(long started, List<FeedPublishResult> results, FeedCatalog catalog, Uri[] directoryUrls, int articles)
    {
        var elapsed = timeProvider.GetElapsedTime(started);
        Log.PublishFinished(logger, (long)elapsed.TotalMilliseconds,
            results.Count(r => r.Succeeded && !r.Skipped), results.Count(r => !r.Succeeded), catalog.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        var report = new PublishReport(results, catalog.Diagnostics, directoryUrls);
        SyndicationMetrics.RecordRun(report, articles, elapsed, timeProvider.GetUtcNow());
        return report;
    }

    private static Uri[] DirectoryUrls(Uri publicBase)
    {
        var root = publicBase.AbsoluteUri.TrimEnd('/');
        return [new($"{root}/{FeedDirectoryWriter.PageFileName}"), new($"{root}/{FeedDirectoryWriter.OpmlFileName}")];
    }

    /// <summary>
    /// The result of every feed when nothing changed since each was last published from the same
    /// <paramref name="inputs"/> (source files, options, code): each feed's state is at the version it was published
    /// from, and storage holds exactly the documents then written, as it does the list of all feeds. Otherwise
    /// <see langword="null"/>, and the run reads everything.
    /// </summary>
    /// <remarks>Nothing is written, so no lease is needed: a feed being written by another worker fails the comparison.</remarks>
    private async Task<List<FeedPublishResult>?> UnchangedAsync(IDocumentStore documents, IFeedStateStore states, IReadOnlyList<string> feeds, string inputs,
        Uri publicBase, CancellationToken cancellationToken)
    {
        if (await states.LoadSnapshotAsync(DirectorySnapshot, cancellationToken).ConfigureAwait(false) is not { } directory || directory.Inputs != inputs)
        {
            return null;
        }

        foreach (var (name, hash) in directory.Documents)
        {
            if (!(await documents.ListAsync(name, cancellationToken).ConfigureAwait(false)).TryGetValue(name, out var stored) || stored != hash)
            {
                return null;
            }
        }

        var results = new List<FeedPublishResult>(feeds.Count);
        foreach (var name in feeds)
        {
            if (await states.LoadSnapshotAsync(name, cancellationToken).ConfigureAwait(false) is not { } snapshot || snapshot.Inputs != inputs
                || snapshot.State != await states.VersionAsync(name, cancellationToken).ConfigureAwait(false)
                || !snapshot.IsStoredIn(await documents.ListAsync(name + "/", cancellationToken).ConfigureAwait(false), blob => IsOwned(name, blob)))
            {
                return null;
            }

            results.Add(new FeedPublishResult(name, snapshot.Entries, FeedUrls.For(publicBase, name).All, 0, snapshot.Documents.Count, null,
                Archives: Math.Max(0, snapshot.Pages.Count - 1)));
        }

        return results;
    }

    private void LogDiagnostics(IEnumerable<SourceDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Exception is { } exception)
            {
                Log.SourceFailed(logger, exception, diagnostic.ToString());
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                Log.SourceError(logger, diagnostic.ToString());
            }
            else
            {
                Log.SourceWarning(logger, diagnostic.ToString());
            }
        }
    }

    /// <summary>
    /// The feed as it is now: another worker may have published newer articles while this one waited. Also whether
    /// the read found nothing to report.
    /// </summary>
    private async Task<(SourceFeed Feed, bool Clean)> ReadAgainAsync(IFeedSource source, SourceFeed feed, ArticleParser parser, IFeedStateStore states, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SourceDiagnostic>(); // reported by the first read, or by the next run
        var fresh = await source.ReadFeedAsync(feed.Definition.Name, diagnostics, cancellationToken).ConfigureAwait(false) ?? feed;
        return (await RecoverAsync(fresh, diagnostics, parser, states, log: false, cancellationToken).ConfigureAwait(false), diagnostics.Count == 0);
    }

    /// <summary>
    /// Adds the last good version of each published article whose file cannot be read now: bad input never takes
    /// away what was published. An article that was never published is simply skipped.
    /// </summary>
    private async Task<SourceFeed> RecoverAsync(SourceFeed feed, IEnumerable<SourceDiagnostic> diagnostics, ArticleParser parser, IFeedStateStore states,
        bool log, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        var broken = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && ArticleParser.FormatOf(d.File) is not null
                && Path.GetFileName(Path.GetDirectoryName(d.File)) == name)
            .ToList();
        if (broken.Count == 0)
        {
            return feed;
        }

        var (state, _) = await states.LoadAsync(name, cancellationToken).ConfigureAwait(false);
        var recovered = new List<Article>();
        foreach (var diagnostic in broken)
        {
            var fileName = Path.GetFileName(diagnostic.File);
            if (!state.Articles.TryGetValue(fileName, out var known) || known.Removed
                || await states.LoadSourceAsync(name, fileName, cancellationToken).ConfigureAwait(false) is not { } bytes)
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

    /// <summary>Keeps a copy of every article file that is new or changed, for <see cref="ReadAgainAsync"/> to fall back on.</summary>
    /// <remarks>
    /// One archive at a time per task, its files read just before it is written: a new feed of 100,000 articles
    /// never holds all their bytes at once.
    /// </remarks>
    private static async Task KeepSourcesAsync(IFeedSource source, IFeedStateStore states, string name, IReadOnlyList<Article> changed, CancellationToken cancellationToken)
    {
        var archives = changed.GroupBy(a => SourceArchive.BucketOf(a.FileName));
        await Parallel.ForEachAsync(archives, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (archive, token) =>
        {
            var files = new System.Collections.Concurrent.ConcurrentBag<KeyValuePair<string, ReadOnlyMemory<byte>>>();
            await Parallel.ForEachAsync(archive, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (article, reading) =>
            {
                // Only the bytes this run parsed: a file saved again since then is kept by the run that publishes it.
                if (await source.ReadBytesAsync(name, article.FileName, article.ContentHash, reading).ConfigureAwait(false) is { } bytes)
                {
                    files.Add(new(article.FileName, bytes));
                }
            }).ConfigureAwait(false);
            await states.SaveSourcesAsync(name, files, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The pages to write: all when the feed's last publication is unknown; otherwise those whose fingerprint differs
    /// from it, or whose documents are not stored as then written. Also the documents of the other pages, which stay
    /// as they are, and whether storage holds a document of the feed that no page writes now (to be deleted).
    /// </summary>
    private async Task<(IReadOnlySet<int> Changed, IReadOnlyDictionary<string, string> Kept, bool Stale)> ChangedPagesAsync(
        IDocumentStore documents, IFeedStateStore states, FeedUrls urls, IReadOnlyList<FeedContent> pages, IReadOnlyList<string> fingerprints,
        CancellationToken cancellationToken)
    {
        var name = pages[0].Name;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await states.LoadSnapshotAsync(name, cancellationToken).ConfigureAwait(false) is not { } snapshot)
        {
            return (Enumerable.Range(0, fingerprints.Count).ToHashSet(), kept, false);
        }

        var stored = await documents.ListAsync(name + "/", cancellationToken).ConfigureAwait(false);
        var changed = new HashSet<int>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < fingerprints.Count; page++)
        {
            var names = DocumentNames(urls, pages, page);
            written.UnionWith(names);
            if (snapshot.Holds(page, fingerprints[page], names, stored))
            {
                foreach (var document in names)
                {
                    kept[document] = stored[document];
                }
            }
            else
            {
                changed.Add(page);
            }
        }

        return (changed, kept, stored.Keys.Any(blob => IsOwned(name, blob) && !written.Contains(blob)));
    }

    /// <summary>The names of the documents written for one page, as <see cref="RenderPage"/> names them.</summary>
    private List<string> DocumentNames(FeedUrls urls, IReadOnlyList<FeedContent> pages, int page)
    {
        var name = pages[page].Name;
        List<string> names = [.. Enum.GetValues<FeedFormat>().Select(format => $"{name}/{FeedNavigation.ForPage(urls, format, pages, page, _options.PageSize).FileName}")];
        if (page == 0)
        {
            names.Add($"{name}/{FeedUrls.PageFileName}");
        }

        return names;
    }

    private async Task<IFeedLock?> AcquireLeaseAsync(IFeedStateStore states, string feed, bool wait, CancellationToken cancellationToken)
    {
        // Wall-clock time: leases expire in storage by the real clock, whatever clock the publisher is given.
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var lease = await states.TryLockAsync(feed, cancellationToken).ConfigureAwait(false);
            if (lease is not null || !wait)
            {
                return lease;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= _options.LeaseWait)
            {
                throw new FeedStateException($"{_options.Storage.Container}/{feed}/lease",
                    $"another worker has been writing the feed for longer than Syndication:LeaseWait ({_options.LeaseWait})");
            }

            await Task.Delay(LeasePoll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The documents of the <paramref name="changed"/> pages, made one at a time as storage asks for them: first the
    /// archive pages (wave 0), then the subscription documents and the feed's page (wave 1), which link to them.
    /// </summary>
    private IEnumerable<FeedDocument> Render(IReadOnlyList<FeedContent> pages, IReadOnlySet<int> changed, FeedUrls urls)
    {
        for (var page = 1; page < pages.Count; page++)
        {
            if (changed.Contains(page))
            {
                foreach (var document in RenderPage(urls, pages, page, WithContent(pages[page])))
                {
                    yield return document;
                }
            }
        }

        if (changed.Contains(0))
        {
            var head = WithContent(pages[0]);
            foreach (var document in RenderPage(urls, pages, 0, head))
            {
                yield return document with { Wave = 1 };
            }

            yield return FeedPageWriter.Write(head, urls) with { Wave = 1 };
        }
    }

    /// <summary>The page with each entry's HTML made once, for all its documents, and let go with the page.</summary>
    private static FeedContent WithContent(FeedContent page) => page with { Entries = [.. page.Entries.Select(e => e.WithContent())] };

    /// <summary>Page <paramref name="number"/> of <paramref name="pages"/> in each format, from <paramref name="content"/> (the page with its HTML made).</summary>
    private IEnumerable<FeedDocument> RenderPage(FeedUrls urls, IReadOnlyList<FeedContent> pages, int number, FeedContent content)
    {
        yield return Rss20DocumentWriter.Write(content, urls, _timeToLive, FeedNavigation.ForPage(urls, FeedFormat.Rss, pages, number, _options.PageSize));
        yield return Atom10DocumentWriter.Write(content, urls, FeedNavigation.ForPage(urls, FeedFormat.Atom, pages, number, _options.PageSize));
        yield return JsonFeedDocumentWriter.Write(content, urls, FeedNavigation.ForPage(urls, FeedFormat.Json, pages, number, _options.PageSize));
    }

    // The list of all feeds is recorded like a feed, under a name no feed folder can have (those starting with '.' are ignored).
    private const string DirectorySnapshot = ".directory";

    /// <summary>The blobs under a feed's prefix that this publisher writes, and so may delete when no longer needed.</summary>
    private static bool IsOwned(string feed, string blob) =>
        blob.StartsWith($"{feed}/{FeedUrls.ArchiveFolder}/", StringComparison.Ordinal)
        || blob == $"{feed}/{FeedUrls.RssFileName}" || blob == $"{feed}/{FeedUrls.AtomFileName}"
        || blob == $"{feed}/{FeedUrls.JsonFileName}" || blob == $"{feed}/{FeedUrls.PageFileName}";

    /// <summary>Brings the feed's stored state up to date; returns it with the articles that are new or changed since the stored one.</summary>
    private async Task<(FeedState State, IReadOnlyList<Article> Changed)> UpdateStateAsync(IFeedStateStore states, SourceFeed feed, RelatedLinkResolver resolver, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        for (var attempt = 1; attempt <= MaxStateAttempts; attempt++)
        {
            var (state, etag) = await states.LoadAsync(name, cancellationToken).ConfigureAwait(false);
            var removed = FeedStateUpdater.Removals(state, feed.Articles).Count;
            var published = state.Articles.Values.Count(a => !a.Removed);
            if (!_options.Deletion.Allows(removed, published))
            {
                throw new MassDeletionRefusedException(name, removed, published);
            }

            var changed = feed.Articles
                .Where(a => !state.Articles.TryGetValue(a.FileName, out var known) || known.ContentHash != a.ContentHash)
                .ToList();
            if (!FeedStateUpdater.Apply(state, feed.Articles, timeProvider.GetUtcNow(), article => resolver.ComputedKeys(article, feed.Definition))
                || await states.TrySaveAsync(name, state, etag, cancellationToken).ConfigureAwait(false))
            {
                return (state, changed);
            }

            Log.StateConflict(logger, name, attempt);
        }

        throw new FeedStateException($"{_options.Storage.Container}/{name}/state.json",
            $"other publishers kept changing it; gave up after {MaxStateAttempts} attempts");
    }
}
