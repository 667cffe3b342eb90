using Microsoft.Extensions.Time.Testing;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

public sealed class FeedLeaseTests(AzuriteFixture azurite)
{
    private readonly string _container = AzuriteFixture.NewContainerName();

    private async Task<Azure.Storage.Blobs.BlobContainerClient> StateContainerAsync()
    {
        var state = azurite.CreateClient().GetBlobContainerClient(_container + "-state");
        await state.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return state;
    }

    [Fact]
    public async Task TryAcquire_WhileAnotherHoldsIt_ReturnsNullUntilReleased()
    {
        var state = await StateContainerAsync();

        var first = await FeedLease.TryAcquireAsync(state, _container, "world", TestContext.Current.CancellationToken);
        Assert.NotNull(first);
        Assert.Null(await FeedLease.TryAcquireAsync(state, _container, "world", TestContext.Current.CancellationToken));
        Assert.NotNull(await FeedLease.TryAcquireAsync(state, _container, "other", TestContext.Current.CancellationToken));

        await first.DisposeAsync();
        await using var second = await FeedLease.TryAcquireAsync(state, _container, "world", TestContext.Current.CancellationToken);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Publish_FeedLeasedByAnotherWorker_IsLeftToItByRunAndWaitedForByPublish()
    {
        await using var held = await FeedLease.TryAcquireAsync(await StateContainerAsync(), _container, "world", TestContext.Current.CancellationToken);
        var options = azurite.OptionsFor(_container, RepositoryPaths.Feeds);
        options.LeaseWait = TimeSpan.FromSeconds(1);
        var publisher = AzuriteFixture.CreatePublisher(options, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));

        var run = await publisher.PublishAsync(TestContext.Current.CancellationToken, waitForLeases: false);
        Assert.True(run.Succeeded);
        Assert.True(run.Feeds.Single(f => f.Feed == "world").Skipped);
        Assert.False(run.Feeds.Single(f => f.Feed == "newsroom").Skipped);

        var publish = await publisher.PublishAsync(TestContext.Current.CancellationToken, waitForLeases: true);
        Assert.Contains("Syndication:LeaseWait", publish.Feeds.Single(f => f.Feed == "world").Error, StringComparison.Ordinal);
    }
}
