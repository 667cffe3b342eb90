namespace Syndication.Sources;

/// <summary>The fixed limits of the event-driven inbox (<see cref="EventDrivenBlobFeedSource"/>); tests make them small.</summary>
/// <param name="VisibilityTimeout">
/// How long a received message stays hidden from the other workers: longer than a run, so that only a run that failed
/// (and never said so) lets it come back by itself.
/// </param>
/// <param name="MaxMessagesPerRun">The most messages one run receives; the rest wait for the next run.</param>
/// <param name="MaxDeliveries">How many times a message may be delivered before it is set aside as poison.</param>
/// <param name="MaxChecks">The most blobs one catch-up looks at one by one; more changed than that, and a listing is cheaper.</param>
/// <param name="JournalSegmentBlocks">The blocks of a full journal segment.</param>
internal sealed record InboxQueueLimits(
    TimeSpan VisibilityTimeout,
    int MaxMessagesPerRun = 1024,
    int MaxDeliveries = 5,
    int MaxChecks = 5000,
    int JournalSegmentBlocks = InboxJournal.SegmentBlocks)
{
    /// <summary>The limits in production.</summary>
    public static InboxQueueLimits Default { get; } = new(TimeSpan.FromMinutes(10));

    /// <summary>How many blobs are looked at, or messages deleted, at once.</summary>
    public int Parallelism => 16;
}
