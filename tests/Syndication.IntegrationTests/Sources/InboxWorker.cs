using Syndication.Publishing;

namespace Syndication.Tests.Sources;

/// <summary>A worker of the event-driven inbox: its publisher, and what its clients sent and it logged.</summary>
internal sealed record InboxWorker(FeedPublisher Publisher, RecordingPolicy Requests, ListLogger<FeedPublisher> Log)
{
    /// <summary>One run, as the worker runs it: a feed that another worker is writing is left to it.</summary>
    public Task<PublishReport> RunAsync() => Publisher.PublishAsync(TestContext.Current.CancellationToken, waitForLeases: false);
}
