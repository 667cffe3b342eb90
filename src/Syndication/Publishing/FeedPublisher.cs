using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// One publishing pass: read every feed; for each, under its lock, bring its state up to date, build its entries,
/// plan what changed and write it (RSS, Atom and JSON Feed documents, subscription and archive pages, and its page);
/// then the page and OPML list of all feeds.
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
        var clean = catalog.Diagnostics.Count == 0;
        var related = new RelatedLinkResolver(catalog, _options.Related);
        var builder = new FeedBuilder(related, _sanitizer);
        var results = new List<FeedPublishResult>(catalog.Feeds.Count);
        foreach (var feed in catalog.Feeds)
        {
            progress?.Report((results.Count, catalog.Feeds.Count));
            results.Add(await PublishFeedAsync(feed, related, builder, publicBase, clean ? inputs : null, embargo, waitForLeases, cancellationToken).ConfigureAwait(false));
        }

        progress?.Report((results.Count, catalog.Feeds.Count));
        await _hub.NotifyAsync([.. results.Where(r => r.Succeeded && !r.Skipped && r.Uploaded > 0).Select(r => (r.Feed, (IReadOnlyList<Uri>)[.. r.Urls.Take(3)]))],
            cancellationToken).ConfigureAwait(false);
        var allPublished = results.All(r => r.Succeeded && !r.Skipped);
        await _feedList.PublishAsync(_options.Title, catalog.Feeds, publicBase, clean && allPublished ? inputs : null, embargo.Held, cancellationToken).ConfigureAwait(false);
        return Finish(started, results, catalog.Diagnostics, publicBase, catalog.Feeds.Sum(f => f.Articles.Count), embargo.Held.Count, embargo.NextRelease);
    }

    /// <summary>
    /// Publishes one feed under its lock; a failure is its result, and never stops the other feeds. The run's
    /// <paramref name="inputs"/> fingerprint is <see langword="null"/> when the read found problems to report again next time.
    /// </summary>
    private async Task<FeedPublishResult> PublishFeedAsync(SourceFeed feed, RelatedLinkResolver related, FeedBuilder builder, Uri publicBase, string? inputs,
        Embargo embargo, bool waitForLock, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        var urls = FeedUrls.For(publicBase, name) with { Hub = _options.WebSub.Hub, ExtensionAbout = _options.JsonFeedExtensionAbout ?? FeedListPublisher.ExtensionPageUrl(publicBase) };
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
                return await WriteFeedAsync(feed, urls, related, builder, inputs, embargo, writeLock.Lost, cancellationToken).ConfigureAwait(false);
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
        finally
        {
            related.Recorded(name); // also when the feed failed before its state recorded them
        }
    }

    /// <summary>Writes one feed whose lock is held: state, copies, entries, plan, documents and record; stops when the lock is <paramref name="lost"/>.</summary>
    private async Task<FeedPublishResult> WriteFeedAsync(SourceFeed feed, FeedUrls urls, RelatedLinkResolver related, FeedBuilder builder, string? inputs,
        Embargo embargo, CancellationToken lost, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost);
        var (fresh, freshClean) = await ReadAgainAsync(feed, embargo, writing.Token).ConfigureAwait(false);
        var (state, changed) = await _session.UpdateAsync(fresh, related, writing.Token).ConfigureAwait(false);
        related.Recorded(name);
        await _copies.KeepAsync(name, changed, writing.Token).ConfigureAwait(false);
        var content = builder.Build(fresh, state);
        var set = new FeedDocumentSet(urls, FeedPaging.Paginate(content, _options.PageSize), _options.PageSize, _options.TimeToLive);
        var fingerprints = PublishFingerprint.Of(_options, urls, _options.TimeToLive, set.Pages);
        var plan = await _planner.PlanAsync(set, fingerprints, writing.Token).ConfigureAwait(false);
        var written = plan.NothingToWrite
            ? new UploadSummary(0, 0)
            : await _documents.SynchronizeAsync(FeedDocumentSet.PrefixOf(name), set.Render(plan.Changed),
                blob => FeedDocumentSet.IsOwned(name, blob) && !plan.Kept.ContainsKey(blob), writing.Token).ConfigureAwait(false);
        await _planner.RecordAsync(name, plan, written, fingerprints, freshClean ? inputs : null, content.Entries.Count, writing.Token).ConfigureAwait(false);
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
