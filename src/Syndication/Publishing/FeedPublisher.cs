using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Derived;
using Syndication.Formats;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// One publishing pass: read every feed; for each, under its lock, bring its state up to date, build its entries,
/// plan what changed and write it (RSS, Atom and JSON Feed documents, subscription and archive pages, and its page);
/// then the feeds derived from them (per tag, per author, of every article) the same way; then the page and OPML list
/// of all feeds.
/// </summary>
/// <remarks>
/// A feed that fails (storage refuses it, its state is unreadable, it would lose too many entries) is reported and
/// the others still publish. Its articles are read again once the lock is held, so a worker never publishes an older
/// view of a feed than the one before it.
/// </remarks>
public sealed class FeedPublisher
{
    private readonly SyndicationOptions _options;
    private readonly IFeedSource _source;
    private readonly IDocumentStore _documents;
    private readonly IFeedStateStore _states;
    private readonly IFeedLocks _locks;
    private readonly FeedStateSession _session;
    private readonly ArticleCopies _copies;
    private readonly PublicationPlanner _planner;
    private readonly FeedListPublisher _feedList;
    private readonly WebSubNotifier _hub;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HtmlContentSanitizer _sanitizer = new();

    internal FeedPublisher(IOptions<SyndicationOptions> options, IFeedSource source, IDocumentStore documents, IFeedStateStore states, IFeedLocks locks,
        FeedStateSession session, ArticleCopies copies, PublicationPlanner planner, FeedListPublisher feedList, WebSubNotifier hub, TimeProvider timeProvider, ILogger<FeedPublisher> logger)
    {
        (_options, _source, _documents, _states, _locks) = (options.Value, source, documents, states, locks);
        (_session, _copies, _planner, _feedList, _hub, _timeProvider, _logger) = (session, copies, planner, feedList, hub, timeProvider, logger);
    }

    /// <summary>Publishes every feed once.</summary>
    /// <param name="cancellationToken">Stops the pass between uploads.</param>
    /// <param name="waitForLeases">
    /// Whether to wait (up to <see cref="SyndicationOptions.LeaseWait"/>) for a feed that another worker is writing,
    /// or to leave it to that worker.
    /// </param>
    /// <param name="progress">Told after each feed how many of the feeds are done (for a terminal's progress line).</param>
    /// <exception cref="DirectoryNotFoundException">The feeds folder is missing.</exception>
    /// <exception cref="PublicAccessNotPermittedException">The container cannot be created with the configured access.</exception>
    /// <exception cref="StorageException">Storage cannot be reached or refuses the containers.</exception>
    public async Task<PublishReport> PublishAsync(CancellationToken cancellationToken, bool waitForLeases = true, IProgress<(int Done, int Total)>? progress = null)
    {
        var started = _timeProvider.GetTimestamp();
        // One instant for the whole run: every read of it holds the same articles.
        var now = _timeProvider.GetUtcNow();
        var publicBase = _options.PublicBaseUrl ?? _documents.Location;
        // Hashed before anything is parsed: a file saved after this point is published by this run or the next.
        var sources = await _source.FingerprintAsync(cancellationToken).ConfigureAwait(false);
        var inputs = PublishFingerprint.OfInputs(_options, publicBase, sources);
        Log.PublishStarting(_logger, sources.Feeds.Count, _source.Location, _documents.Location.AbsoluteUri);
        await _documents.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _states.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (await _planner.UnchangedAsync(sources.Feeds, inputs, publicBase, now, cancellationToken).ConfigureAwait(false) is var (unchanged, heldCount, nextRelease))
        {
            Log.NothingChanged(_logger, unchanged.Count);
            return Finish(started, unchanged, [], publicBase, unchanged.Sum(r => r.Entries), heldCount, nextRelease);
        }

        var (catalog, embargo) = await ReadAsync(now, cancellationToken).ConfigureAwait(false);
        var feedList = FeedListPublisher.UrlsOf(publicBase)[0];
        var derived = DerivedFeedPlan.Of(catalog.Feeds, _options.Derived, _options.Title, feedList);
        var ended = derived.Ended(await _planner.DerivedAsync(cancellationToken).ConfigureAwait(false), _options.Title, feedList);
        foreach (var diagnostic in derived.Diagnostics)
        {
            Log.Source(_logger, diagnostic);
        }

        List<SourceDiagnostic> diagnostics = [.. catalog.Diagnostics, .. derived.Diagnostics];
        var runInputs = diagnostics.Count == 0 ? inputs : null;
        var related = new RelatedLinkResolver(catalog, _options.Related);
        var builder = new FeedBuilder(related, _sanitizer);
        var total = catalog.Feeds.Count + derived.Feeds.Count + ended.Count;
        var results = new List<FeedPublishResult>(total);
        // What each folder feed published, for the derived feeds; a feed missing here failed, and they keep their last publication.
        var built = new Dictionary<string, Feed>(StringComparer.Ordinal);
        foreach (var feed in catalog.Feeds)
        {
            progress?.Report((results.Count, total));
            var name = feed.Definition.Name;
            var result = await PublishFeedAsync(name, publicBase, runInputs, waitForLeases,
                async token =>
                {
                    var (content, clean) = await BuildFolderFeedAsync(feed, related, builder, embargo, token).ConfigureAwait(false);
                    built[name] = content;
                    return (content, clean);
                },
                cancellationToken).ConfigureAwait(false);
            related.Recorded(name); // also when the feed failed before its state recorded them
            if (!result.Succeeded)
            {
                built.Remove(name);
            }
            else if (result.Skipped && total > catalog.Feeds.Count)
            {
                await AddPublishedViewAsync(feed, builder, built, cancellationToken).ConfigureAwait(false);
            }

            results.Add(result);
        }

        // An ended feed that could not be emptied is tried again by the next run.
        var recorded = derived.Feeds.Select(f => f.Definition.Name).ToList();
        foreach (var feed in derived.Feeds.Concat(ended))
        {
            progress?.Report((results.Count, total));
            var result = await PublishDerivedFeedAsync(feed, derived, built, related, publicBase, runInputs, waitForLeases, cancellationToken).ConfigureAwait(false);
            if (ended.Contains(feed) && !(result.Succeeded && !result.Skipped))
            {
                recorded.Add(feed.Definition.Name);
            }

            results.Add(result);
        }

        progress?.Report((results.Count, total));
        await _hub.NotifyAsync([.. results.Where(r => r.Succeeded && !r.Skipped && r.Uploaded > 0).Select(r => (r.Feed, (IReadOnlyList<Uri>)[.. r.Urls.Take(3)]))],
            cancellationToken).ConfigureAwait(false);
        var allPublished = results.All(r => r.Succeeded && !r.Skipped);
        await _feedList.PublishAsync(_options.Title, [.. catalog.Feeds.Select(f => f.Definition), .. derived.Feeds.Select(f => f.Definition)],
            recorded, publicBase, allPublished ? runInputs : null, embargo.Held, cancellationToken).ConfigureAwait(false);
        return Finish(started, results, diagnostics, publicBase, catalog.Feeds.Sum(f => f.Articles.Count), embargo.Held.Count, embargo.NextRelease);
    }

    /// <summary>
    /// Publishes one feed under its lock, built by <paramref name="build"/> once the lock is held; a failure is its
    /// result, and never stops the other feeds. The run's <paramref name="inputs"/> fingerprint is <see langword="null"/>
    /// when the read found problems to report again next time.
    /// </summary>
    private async Task<FeedPublishResult> PublishFeedAsync(string name, Uri publicBase, string? inputs, bool waitForLock,
        Func<CancellationToken, Task<(Feed Content, bool Clean)>> build, CancellationToken cancellationToken)
    {
        var urls = FeedUrls.For(publicBase, name) with { Hub = _options.WebSub.Hub, ExtensionAbout = _options.JsonFeedExtensionAbout };
        try
        {
            var writeLock = await _locks.LockAsync(name, waitForLock ? _options.LeaseWait : null, cancellationToken).ConfigureAwait(false);
            if (writeLock is null)
            {
                Log.FeedSkipped(_logger, name);
                return new FeedPublishResult(name, 0, urls.All, 0, 0, null, Skipped: true);
            }

            await using (writeLock.ConfigureAwait(false))
            {
                using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, writeLock.Lost);
                var (content, clean) = await build(writing.Token).ConfigureAwait(false);
                return await WriteFeedAsync(content, urls, clean ? inputs : null, writing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e switch
            {
                StorageException failed => failed.Reason,
                OperationCanceledException => "the feed's lease was lost while writing; another worker took the feed over",
                FeedStateException or MassDeletionRefusedException => e.Message,
                _ => $"unexpected {e.GetType().Name}: {e.Message}",
            };
            Log.FeedFailed(_logger, e, name, reason);
            return new FeedPublishResult(name, 0, urls.All, 0, 0, reason);
        }
    }

    /// <summary>
    /// A folder feed as it is now, whose lock is held: read again, its state brought up to date, the copies of its
    /// changed articles kept, and its entries built. Also whether the read again found nothing to report.
    /// </summary>
    private async Task<(Feed Content, bool Clean)> BuildFolderFeedAsync(SourceFeed feed, RelatedLinkResolver related, FeedBuilder builder, Embargo embargo,
        CancellationToken cancellationToken)
    {
        var (fresh, freshClean) = await ReadAgainAsync(feed, embargo, cancellationToken).ConfigureAwait(false);
        var (state, changed) = await _session.UpdateAsync(fresh, related, cancellationToken).ConfigureAwait(false);
        related.Recorded(feed.Definition.Name);
        await _copies.KeepAsync(feed.Definition.Name, changed, cancellationToken).ConfigureAwait(false);
        return (builder.Build(fresh, state), freshClean);
    }

    /// <summary>
    /// The feed's entries as another worker publishes them, for the derived feeds: the articles its stored state
    /// knows. An article new since then joins the derived feeds at that worker's run, or the next one.
    /// </summary>
    private async Task AddPublishedViewAsync(SourceFeed feed, FeedBuilder builder, Dictionary<string, Feed> built, CancellationToken cancellationToken)
    {
        try
        {
            var (state, _) = await _states.LoadAsync(feed.Definition.Name, cancellationToken).ConfigureAwait(false);
            var known = feed with { Articles = [.. feed.Articles.Where(a => state.Articles.TryGetValue(a.FileName, out var seen) && !seen.Removed)] };
            built[feed.Definition.Name] = builder.Build(known, state);
        }
        catch (Exception e) when (e is StorageException or FeedStateException)
        {
            Log.FeedFailed(_logger, e, feed.Definition.Name, "its stored state could not be read for the derived feeds");
        }
    }

    /// <summary>
    /// Publishes a derived feed from what its folder feeds published in this run; when one of them could not be
    /// published, the derived feed keeps its last publication, since it would lose that feed's articles.
    /// </summary>
    private async Task<FeedPublishResult> PublishDerivedFeedAsync(DerivedFeed feed, DerivedFeedPlan plan, Dictionary<string, Feed> built, RelatedLinkResolver related,
        Uri publicBase, string? inputs, bool waitForLock, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        if (feed.Sources.Where(source => !built.ContainsKey(source)).ToList() is { Count: > 0 } missing)
        {
            var sources = string.Join(", ", missing);
            Log.DerivedFeedBlocked(_logger, name, sources);
            return new FeedPublishResult(name, 0, FeedUrls.For(publicBase, name).All, 0, 0, $"it draws from {sources}, which could not be published");
        }

        return await PublishFeedAsync(name, publicBase, inputs, waitForLock,
            async token =>
            {
                // Its own state holds only the date in its id: its entries' dates are those of their folder feeds.
                var (state, _) = await _session.UpdateAsync(new SourceFeed(feed.Definition, []), related, token).ConfigureAwait(false);
                return (DerivedFeedBuilder.Build(feed, plan, built.Values, state), true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the pages of <paramref name="content"/> that changed, and records the publication; stops when the lock is lost.</summary>
    private async Task<FeedPublishResult> WriteFeedAsync(Feed content, FeedUrls urls, string? inputs, CancellationToken cancellationToken)
    {
        var name = content.Name;
        var set = new FeedDocumentSet(urls, FeedPaging.Paginate(content, _options.PageSize), _options.PageSize, _options.TimeToLive);
        var fingerprints = PublishFingerprint.Of(_options, urls, _options.TimeToLive, set.Pages);
        var plan = await _planner.PlanAsync(set, fingerprints, cancellationToken).ConfigureAwait(false);
        var written = plan.NothingToWrite
            ? new UploadSummary(0, 0)
            : await _documents.SynchronizeAsync(FeedDocumentSet.PrefixOf(name), set.Render(plan.Changed),
                blob => FeedDocumentSet.IsOwned(name, blob) && !plan.Kept.ContainsKey(blob), cancellationToken).ConfigureAwait(false);
        await _planner.RecordAsync(name, plan, written, fingerprints, inputs, content.Entries.Count, cancellationToken).ConfigureAwait(false);
        var (entries, archives, unchanged) = (content.Entries.Count, set.Pages.Count - 1, written.Unchanged + plan.Kept.Count);
        if (written.Uploaded == 0 && written.Deleted == 0)
        {
            Log.FeedUnchanged(_logger, name, entries, unchanged);
            return new FeedPublishResult(name, entries, urls.All, 0, unchanged, null, Archives: archives);
        }

        Log.FeedPublished(_logger, name, entries, archives, written.Uploaded, written.BytesUploaded, unchanged, written.Deleted,
            string.Join(' ', urls.All.Select(u => u.AbsoluteUri)));
        return new FeedPublishResult(name, entries, urls.All, written.Uploaded, unchanged, null, written.Deleted, written.BytesUploaded, archives);
    }

    /// <summary>
    /// Reads every feed, logs what the read reported, adds the last good version of each article that broke since,
    /// and holds the articles not due at <paramref name="now"/>.
    /// </summary>
    private async Task<(FeedCatalog Visible, Embargo Embargo)> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in catalog.Diagnostics)
        {
            Log.Source(_logger, diagnostic);
        }

        var (visible, embargo) = Embargo.Apply(await _copies.RecoverAsync(catalog, cancellationToken).ConfigureAwait(false), now);
        if (embargo.NextRelease is { } next)
        {
            Log.ArticlesHeld(_logger, embargo.Held.Count, next);
        }

        return (visible, embargo);
    }

    /// <summary>
    /// The feed as it is now: another worker may have published newer articles while this one waited. Also whether
    /// the read found nothing to report (what it found was reported by the first read, or is by the next run).
    /// </summary>
    private async Task<(SourceFeed Feed, bool Clean)> ReadAgainAsync(SourceFeed feed, Embargo embargo, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SourceDiagnostic>();
        var fresh = await _source.ReadFeedAsync(feed.Definition.Name, diagnostics, cancellationToken).ConfigureAwait(false);
        if (fresh is null)
        {
            return (feed, diagnostics.Count == 0); // the feed as the first read saw it, already without its held articles
        }

        // Held at the run's instant, and with the titles held by every feed of the first read.
        var recovered = await _copies.RecoverAsync(fresh, diagnostics, log: false, cancellationToken).ConfigureAwait(false);
        return (embargo.Apply(recovered), diagnostics.Count == 0);
    }

    private PublishReport Finish(long started, List<FeedPublishResult> results, IReadOnlyList<SourceDiagnostic> diagnostics, Uri publicBase, int articles,
        int held, DateTimeOffset? nextRelease)
    {
        var elapsed = _timeProvider.GetElapsedTime(started);
        Log.PublishFinished(_logger, (long)elapsed.TotalMilliseconds,
            results.Count(r => r.Succeeded && !r.Skipped), results.Count(r => !r.Succeeded), diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        var report = new PublishReport(results, diagnostics, FeedListPublisher.UrlsOf(publicBase)) { Held = held, NextRelease = nextRelease };
        SyndicationMetrics.RecordRun(report, articles, elapsed, _timeProvider.GetUtcNow());
        return report;
    }
}
