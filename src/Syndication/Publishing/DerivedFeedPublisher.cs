using Microsoft.Extensions.Logging;
using Syndication.Feeds;
using Syndication.Feeds.Derived;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Publishes the feeds derived from the folder feeds (per tag, per author, of every article) from the entries those
/// feeds were built with in the same run, so each entry keeps its id and dates; and empties, once, the derived feeds no
/// article belongs to any more.
/// </summary>
internal sealed class DerivedFeedPublisher(SyndicationOptions options, FeedWriter writer, FeedStateSession session, IFeedStateStore states,
    PublicationPlanner planner, ILogger logger)
{
    /// <summary>The derived feeds of <paramref name="feeds"/>, and those published before that have ended.</summary>
    public async Task<(DerivedFeedPlan Plan, IReadOnlyList<DerivedFeed> Ended)> PlanAsync(IReadOnlyList<SourceFeed> feeds, Uri publicBase,
        CancellationToken cancellationToken)
    {
        var feedList = FeedListPublisher.UrlsOf(publicBase)[0];
        var plan = DerivedFeedPlan.Of(feeds, options.Derived, options.Title, feedList);
        foreach (var diagnostic in plan.Diagnostics)
        {
            Log.Source(logger, diagnostic);
        }

        return (plan, plan.Ended(await planner.DerivedAsync(cancellationToken).ConfigureAwait(false), options.Title, feedList));
    }

    /// <summary>
    /// Adds to <paramref name="built"/> the entries of <paramref name="feed"/> as another worker publishes it: the
    /// articles its stored state knows. An article new since then joins the derived feeds at that worker's run, or the next.
    /// </summary>
    public async Task AddPublishedViewAsync(SourceFeed feed, FeedBuilder builder, Dictionary<string, Feed> built, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(built);
        try
        {
            var (state, _) = await states.LoadAsync(feed.Definition.Name, cancellationToken).ConfigureAwait(false);
            var known = feed with { Articles = [.. feed.Articles.Where(a => state.Articles.TryGetValue(a.FileName, out var seen) && !seen.Removed)] };
            built[feed.Definition.Name] = builder.Build(known, state);
        }
        catch (Exception e) when (e is StorageException or FeedStateException)
        {
            Log.FeedFailed(logger, e, feed.Definition.Name, "its stored state could not be read for the feeds derived from it");
        }
    }

    /// <summary>
    /// Publishes each feed of <paramref name="plan"/> and empties each <paramref name="ended"/> one, adding their
    /// results to <paramref name="results"/>; returns the derived feeds to record, those of the plan and the ended
    /// ones that could not be emptied yet.
    /// </summary>
    /// <param name="plan">This run's derived feeds.</param>
    /// <param name="ended">The derived feeds no article belongs to any more.</param>
    /// <param name="built">The folder feeds as this run built them, by name; one missing could not be published.</param>
    /// <param name="related">Resolves related links (unused by derived feeds, whose entries are built).</param>
    /// <param name="publicBase">Where documents are served.</param>
    /// <param name="inputs">The run's input fingerprint, or <see langword="null"/>.</param>
    /// <param name="waitForLock">Whether to wait for a feed that another worker writes.</param>
    /// <param name="results">The run's results so far.</param>
    /// <param name="selected">Whether a feed is published by this run (<see cref="SyndicationOptions.OnlyFeeds"/>); the others are left alone.</param>
    /// <param name="progress">Called before each feed.</param>
    /// <param name="cancellationToken">Stops the run between uploads.</param>
    public async Task<IReadOnlyList<string>> PublishAsync(DerivedFeedPlan plan, IReadOnlyList<DerivedFeed> ended, IReadOnlyDictionary<string, Feed> built,
        RelatedLinkResolver related, Uri publicBase, string? inputs, bool waitForLock, List<FeedPublishResult> results, Func<string, bool> selected, Action progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(progress);
        var recorded = plan.Feeds.Select(f => f.Definition.Name).ToList();
        var members = DerivedFeedBuilder.Assign(plan, built.Values);
        foreach (var feed in plan.Feeds.Concat(ended))
        {
            if (!selected(feed.Definition.Name))
            {
                if (ended.Contains(feed))
                {
                    recorded.Add(feed.Definition.Name); // emptied by a run that publishes it
                }

                continue;
            }

            progress();
            var result = await PublishAsync(feed, members.GetValueOrDefault(feed.Definition.Name) ?? [], built, related, publicBase, inputs, waitForLock, cancellationToken).ConfigureAwait(false);
            if (ended.Contains(feed) && !(result.Succeeded && !result.Skipped))
            {
                recorded.Add(feed.Definition.Name); // tried again by the next run
            }

            results.Add(result);
        }

        return recorded;
    }

    /// <summary>
    /// Publishes one derived feed; when a folder feed it draws from could not be published, it keeps its last
    /// publication, since it would lose that feed's articles.
    /// </summary>
    private async Task<FeedPublishResult> PublishAsync(DerivedFeed feed, List<FeedEntry> members, IReadOnlyDictionary<string, Feed> built, RelatedLinkResolver related,
        Uri publicBase, string? inputs, bool waitForLock, CancellationToken cancellationToken)
    {
        var name = feed.Definition.Name;
        if (feed.Sources.Where(source => !built.ContainsKey(source)).ToList() is { Count: > 0 } missing)
        {
            var sources = string.Join(", ", missing);
            Log.DerivedFeedBlocked(logger, name, sources);
            return new FeedPublishResult(name, 0, writer.UrlsOf(name, publicBase).All, 0, 0, $"it draws from {sources}, which could not be published");
        }

        return await writer.PublishAsync(name, publicBase, inputs, waitForLock,
            async token =>
            {
                // Its own state holds only the date in its id: its entries' dates are those their folder feeds keep.
                var (state, _) = await session.UpdateAsync(new SourceFeed(feed.Definition, []), related, token).ConfigureAwait(false);
                return (DerivedFeedBuilder.Build(feed, members, state), true);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
