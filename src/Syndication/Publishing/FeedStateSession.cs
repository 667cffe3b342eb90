using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Brings a feed's stored <see cref="FeedState"/> up to date with what a run read: loaded, refused when it would remove
/// too much of the feed, updated, and saved only if nobody changed it meanwhile (else loaded again and retried).
/// </summary>
internal sealed class FeedStateSession(IFeedStateStore states, DeletionOptions deletion, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>How many times a state that other publishers keep changing is loaded again before the feed fails.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Updates the state of <paramref name="feed"/>; returns it with the articles that are new or changed since the stored one.</summary>
    /// <param name="feed">The feed as read under its lock.</param>
    /// <param name="related">Asked for the related articles of the articles that need them recorded (<see cref="FeedStateUpdater.NeedingRelated"/>).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <exception cref="MassDeletionRefusedException">The run would remove more of the feed than <see cref="DeletionOptions"/> allows.</exception>
    /// <exception cref="FeedStateException">The state cannot be read, or others kept changing it.</exception>
    public async Task<(FeedState State, IReadOnlyList<Article> Changed)> UpdateAsync(SourceFeed feed, RelatedLinkResolver related, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(related);
        var name = feed.Definition.Name;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (state, version) = await states.LoadAsync(name, cancellationToken).ConfigureAwait(false);
            var removed = FeedStateUpdater.Removals(state, feed.Articles).Count;
            var published = state.Articles.Values.Count(a => !a.Removed);
            if (!deletion.Allows(removed, published))
            {
                throw new MassDeletionRefusedException(name, removed, published);
            }

            var changed = feed.Articles
                .Where(a => !state.Articles.TryGetValue(a.FileName, out var known) || known.ContentHash != a.ContentHash)
                .ToList();
            // Asked in parallel: a feed published from empty asks for every article's.
            var needing = FeedStateUpdater.NeedingRelated(state, feed.Articles).ToList();
            var found = new IReadOnlyList<string>?[needing.Count];
            Parallel.For(0, needing.Count, i => found[i] = related.ComputedKeys(needing[i], feed.Definition));
            var computed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < needing.Count; i++)
            {
                if (found[i] is { } keys)
                {
                    computed[needing[i].FileName] = keys;
                }
            }

            if (!FeedStateUpdater.Apply(state, feed.Articles, timeProvider.GetUtcNow(), computed)
                || await states.TrySaveAsync(name, state, version, cancellationToken).ConfigureAwait(false))
            {
                return (state, changed);
            }

            Log.StateConflict(logger, name, attempt);
        }

        throw new FeedStateException($"{name}/state.json", $"other publishers kept changing it; gave up after {MaxAttempts} attempts");
    }
}
