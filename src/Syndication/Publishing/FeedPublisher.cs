using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
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
/// <para>
/// With <see cref="SyndicationOptions.OnlyFeeds"/>, only the feeds named are locked and written; a derived feed named
/// alone draws from its folder feeds as last published. With <see cref="SyndicationOptions.DryRun"/>, the same pass
/// runs over stores that write nothing (<see cref="DryRunStorage"/>), so its results name what a run would write.
/// </para>
/// </remarks>
public sealed class FeedPublisher
{
    private readonly SyndicationOptions _options;
    private readonly IFeedSource _source;
    private readonly IDocumentStore _documents;
    private readonly IFeedStateStore _states;
    private readonly FeedWriter _writer;
    private readonly DerivedFeedPublisher _derived;
    private readonly FeedStateSession _session;
    private readonly ArticleCopies _copies;
    private readonly PublicationPlanner _planner;
    private readonly FeedListPublisher _feedList;
    private readonly WebSubNotifier _hub;
    private readonly SourceMemoryKeeper _memory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    // Made when a run first renders: building the sanitiser's rules takes about 0.2 s, most of a run with nothing new.
    private readonly Lazy<HtmlContentSanitizer> _sanitizer = new(() => new HtmlContentSanitizer());

    internal FeedPublisher(IOptions<SyndicationOptions> options, IFeedSource source, IDocumentStore documents, IFeedStateStore states, FeedWriter writer,
        DerivedFeedPublisher derived, FeedStateSession session, ArticleCopies copies, PublicationPlanner planner, FeedListPublisher feedList, WebSubNotifier hub,
        SourceMemoryKeeper memory, TimeProvider timeProvider, ILogger<FeedPublisher> logger)
    {
        _memory = memory;
        (_options, _source, _documents, _states, _writer, _derived) = (options.Value, source, documents, states, writer, derived);
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
    /// <exception cref="NoFeedsFoundException">The source holds no feed, and <see cref="SyndicationOptions.AllowNoFeeds"/> is off.</exception>
    /// <exception cref="PublicAccessNotPermittedException">The container cannot be created with the configured access.</exception>
    /// <exception cref="StorageException">Storage cannot be reached or refuses the containers.</exception>
    public async Task<PublishReport> PublishAsync(CancellationToken cancellationToken, bool waitForLeases = true, IProgress<(int Done, int Total)>? progress = null)
    {
        var report = await PublishPassAsync(cancellationToken, waitForLeases, progress).ConfigureAwait(false);
        // Only now may the source let go of what told it of the changes (an event queue's messages); a failed feed keeps them.
        await _source.CompleteRunAsync([.. report.Feeds.Where(r => !r.Succeeded).Select(r => r.Feed)], cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<PublishReport> PublishPassAsync(CancellationToken cancellationToken, bool waitForLeases, IProgress<(int Done, int Total)>? progress)
    {
        var started = _timeProvider.GetTimestamp();
        // One instant for the whole run: every read of it holds the same articles.
        var now = _timeProvider.GetUtcNow();
        var publicBase = _options.PublicBaseUrl ?? _documents.Location;
        // A new process reads only the files that changed since the last process's run.
        await _memory.RecallOnceAsync(cancellationToken).ConfigureAwait(false);
        // Hashed before anything is parsed: a file saved after this point is published by this run or the next.
        var sources = await _source.FingerprintAsync(cancellationToken).ConfigureAwait(false);
        if (sources.Feeds.Count == 0 && !_options.AllowNoFeeds)
        {
            throw new NoFeedsFoundException(_source.Location);
        }

        var inputs = PublishFingerprint.OfInputs(_options, publicBase, sources);
        Log.PublishStarting(_logger, sources.Feeds.Count, _source.Location, _documents.Location.AbsoluteUri);
        if (_options.DryRun)
        {
            Log.DryRun(_logger);
        }

        // In a dry run the stores are DryRunStorage: these create nothing. The private container first: one found
        // public stops the run before anything is created.
        await _states.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _documents.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var selection = FeedSelection.Of(_options.OnlyFeeds);
        if (await _planner.UnchangedAsync(sources.Feeds, inputs, publicBase, now, cancellationToken).ConfigureAwait(false) is var (unchanged, heldCount, nextRelease))
        {
            if (selection?.Unknown([.. unchanged.Select(r => r.Feed)]) is { Count: > 0 } unknownNames)
            {
                return Finish(started, [.. unknownNames], [], publicBase, 0, heldCount, nextRelease);
            }

            Log.NothingChanged(_logger, unchanged.Count);
            await _memory.KeepAsync(sources.Feeds, cancellationToken).ConfigureAwait(false);
            return Finish(started, [.. unchanged.Where(r => selection?.Includes(r.Feed) ?? true)], [], publicBase, unchanged.Sum(r => r.Entries), heldCount, nextRelease);
        }

        await _memory.RecallArticlesOnceAsync(sources.Feeds, cancellationToken).ConfigureAwait(false);
        var (catalog, embargo) = await ReadAsync(now, cancellationToken).ConfigureAwait(false);
        var (derived, ended) = await _derived.PlanAsync(catalog.Feeds, publicBase, cancellationToken).ConfigureAwait(false);
        List<SourceDiagnostic> diagnostics = [.. catalog.Diagnostics, .. derived.Diagnostics];
        var articles = catalog.Feeds.Sum(f => f.Articles.Count);
        List<string> names = [.. catalog.Feeds.Select(f => f.Definition.Name), .. derived.Feeds.Concat(ended).Select(f => f.Definition.Name)];
        if (selection?.Unknown(names) is { Count: > 0 } unknown)
        {
            return Finish(started, [.. unknown], diagnostics, publicBase, articles, embargo.Held.Count, embargo.NextRelease);
        }

        bool Selected(string feed) => selection?.Includes(feed) ?? true;
        var runInputs = diagnostics.Count == 0 ? inputs : null;
        var related = new RelatedLinkResolver(catalog, _options.Related, _memory.Terms);
        var builder = new FeedBuilder(related, _sanitizer.Value);
        var total = names.Count(Selected);
        var results = new List<FeedPublishResult>(total);
        // The folder feeds that the derived feeds to publish draw from: those this run does not write are built as last published.
        var drawnFrom = derived.Feeds.Concat(ended).Where(f => Selected(f.Definition.Name)).SelectMany(f => f.Sources).ToHashSet(StringComparer.Ordinal);
        // Each folder feed as published, for the derived feeds; one missing here could not be published.
        var built = new Dictionary<string, Feed>(StringComparer.Ordinal);
        foreach (var feed in catalog.Feeds)
        {
            var name = feed.Definition.Name;
            if (!Selected(name))
            {
                related.Recorded(name);
                if (drawnFrom.Contains(name))
                {
                    await _derived.AddPublishedViewAsync(feed, builder, built, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            progress?.Report((results.Count, total));
            var result = await _writer.PublishAsync(name, publicBase, runInputs, waitForLeases,
                async token =>
                {
                    var (content, clean) = await BuildAsync(feed, related, builder, embargo, token).ConfigureAwait(false);
                    built[name] = content;
                    return (content, clean);
                },
                cancellationToken).ConfigureAwait(false);
            related.Recorded(name); // also when the feed failed before its state recorded them
            if (!result.Succeeded)
            {
                built.Remove(name);
            }
            else if (result.Skipped && drawnFrom.Contains(name))
            {
                await _derived.AddPublishedViewAsync(feed, builder, built, cancellationToken).ConfigureAwait(false);
            }

            results.Add(result);
        }

        var recorded = await _derived.PublishAsync(derived, ended, built, related, publicBase, runInputs, waitForLeases, results, Selected,
            () => progress?.Report((results.Count, total)), cancellationToken).ConfigureAwait(false);
        if (related.Indexed is var (indexed, read))
        {
            Log.RelatedIndexed(_logger, indexed, read);
        }

        progress?.Report((results.Count, total));
        await NotifyAsync(results, cancellationToken).ConfigureAwait(false);
        // A run that left feeds alone records no inputs, so the next full run publishes them rather than skip them all.
        var allPublished = results.All(r => r.Succeeded && !r.Skipped) && names.All(Selected);
        var listUploads = await _feedList.PublishAsync(_options.Title, [.. catalog.Feeds.Select(f => f.Definition), .. derived.Feeds.Select(f => f.Definition)],
            recorded, publicBase, allPublished ? runInputs : null, embargo.Held, cancellationToken).ConfigureAwait(false);
        await _memory.KeepAsync(sources.Feeds, cancellationToken).ConfigureAwait(false);
        return Finish(started, results, diagnostics, publicBase, articles, embargo.Held.Count, embargo.NextRelease, listUploads);
    }

    /// <summary>Notifies the hub of the feeds that changed (in a dry run, only tells which it would notify), marking their results.</summary>
    private async Task NotifyAsync(List<FeedPublishResult> results, CancellationToken cancellationToken)
    {
        List<(string Feed, IReadOnlyList<Uri> Topics)> changed = [.. results.Where(r => r.Succeeded && !r.Skipped && r.Uploaded > 0).Select(r => (r.Feed, (IReadOnlyList<Uri>)[.. r.Urls.Take(3)]))];
        var notified = _options.DryRun ? _hub.WouldNotify(changed) : await _hub.NotifyAsync(changed, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i] is { Succeeded: true, Skipped: false, Uploaded: > 0 } result && notified.Contains(result.Feed))
            {
                results[i] = result with { HubNotified = true };
            }
        }
    }

    /// <summary>
    /// A folder feed as it is now, whose lock is held: read again, its state brought up to date, the copies of its
    /// changed articles kept, and its entries built. Also whether the read again found nothing to report.
    /// </summary>
    private async Task<(Feed Content, bool Clean)> BuildAsync(SourceFeed feed, RelatedLinkResolver related, FeedBuilder builder, Embargo embargo,
        CancellationToken cancellationToken)
    {
        var (fresh, freshClean) = await ReadAgainAsync(feed, embargo, cancellationToken).ConfigureAwait(false);
        var (state, changed) = await _session.UpdateAsync(fresh, related, cancellationToken).ConfigureAwait(false);
        related.Recorded(feed.Definition.Name);
        await _copies.KeepAsync(feed.Definition.Name, changed, cancellationToken).ConfigureAwait(false);
        return (builder.Build(fresh, state), freshClean);
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

        catalog = await RecoverDefinitionsAsync(catalog, cancellationToken).ConfigureAwait(false);
        var (visible, embargo) = Embargo.Apply(await _copies.RecoverAsync(catalog, cancellationToken).ConfigureAwait(false), now);
        if (embargo.NextRelease is { } next)
        {
            Log.ArticlesHeld(_logger, embargo.Held.Count, next);
        }

        return (visible, embargo);
    }

    /// <summary>
    /// <paramref name="catalog"/> with each feed whose <c>feed.json</c> cannot be read now published from the definition it
    /// was last published from, so that it keeps its entries, its place in the list of all feeds and its articles in the
    /// derived feeds; its error is still reported. A feed never published is simply left out.
    /// </summary>
    private async Task<FeedCatalog> RecoverDefinitionsAsync(FeedCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Undefined.Count == 0)
        {
            return catalog;
        }

        var feeds = catalog.Feeds.ToList();
        foreach (var undefined in catalog.Undefined)
        {
            if (await _planner.LastDefinitionAsync(undefined.Name, cancellationToken).ConfigureAwait(false) is { } definition)
            {
                feeds.Add(new SourceFeed(definition, undefined.Articles));
                Log.SourceRecovered(_logger, undefined.DefinitionFile);
            }
        }

        return catalog with { Feeds = [.. feeds.OrderBy(f => f.Definition.Name, SourceFileRules.Order)], Undefined = [] };
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
        int held, DateTimeOffset? nextRelease, IReadOnlyList<string>? feedListUploads = null)
    {
        var elapsed = _timeProvider.GetElapsedTime(started);
        Log.PublishFinished(_logger, (long)elapsed.TotalMilliseconds,
            results.Count(r => r.Succeeded && !r.Skipped), results.Count(r => !r.Succeeded), diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        var report = new PublishReport(results, diagnostics, FeedListPublisher.UrlsOf(publicBase))
        {
            Held = held,
            NextRelease = nextRelease,
            DryRun = _options.DryRun,
            FeedListUploadNames = feedListUploads ?? [],
        };
        if (!_options.DryRun)
        {
            // A dry run published nothing: counting its uploads would tell dashboards of uploads that never happened.
            SyndicationMetrics.RecordRun(report, articles, elapsed, _timeProvider.GetUtcNow());
        }

        return report;
    }
}
