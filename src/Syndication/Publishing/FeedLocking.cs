using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>Waiting for the right to write a feed that another worker is writing.</summary>
internal static class FeedLocking
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The right to write <paramref name="feed"/>, waited for up to <paramref name="wait"/>; <see langword="null"/> at
    /// once when there is no <paramref name="wait"/> and another worker holds it.
    /// </summary>
    /// <exception cref="FeedStateException">Another worker held the feed for all of <paramref name="wait"/>.</exception>
    public static async Task<IFeedLock?> LockAsync(this IFeedLocks locks, string feed, TimeSpan? wait, CancellationToken cancellationToken)
    {
        // Wall-clock time: leases expire in storage by the real clock, whatever clock the publisher is given.
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var taken = await locks.TryLockAsync(feed, cancellationToken).ConfigureAwait(false);
            if (taken is not null || wait is null)
            {
                return taken;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= wait)
            {
                throw new FeedStateException($"{feed}/lease", $"another worker has been writing the feed for longer than Syndication:LeaseWait ({wait})");
            }

            await Task.Delay(Poll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }
}
