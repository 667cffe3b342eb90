using Microsoft.Extensions.Time.Testing;
using Azure.Storage.Blobs.Specialized;
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

    [Fact]
    public async Task Lease_BrokenByAnother_SignalsLostAtTheNextRenewal()
    {
        var state = await StateContainerAsync();
        var clock = TestClock.Create();
        await using var lease = await FeedLease.TryAcquireAsync(state, _container, "world", TestContext.Current.CancellationToken, clock);
        Assert.NotNull(lease);

        await state.GetBlobClient($"{_container}/world/lease").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(lease.Lost.IsCancellationRequested, "the break is only noticed when renewing");
        clock.Advance(FeedLease.Duration / 3);

        await Eventually.TrueAsync(() => lease.Lost.IsCancellationRequested, "the holder learns that it must stop writing");
    }

    [Fact]
    public async Task StateSave_WithAStaleVersion_IsRefusedAndTheFreshOneWins()
    {
        var states = new BlobFeedStateStore(await StateContainerAsync(), _container);
        Assert.True(await states.TrySaveAsync("world", new Syndication.Feeds.FeedState { Created = DateTimeOffset.UnixEpoch }, null, TestContext.Current.CancellationToken));
        var (mine, myVersion) = await states.LoadAsync("world", TestContext.Current.CancellationToken);
        var (theirs, theirVersion) = await states.LoadAsync("world", TestContext.Current.CancellationToken);

        theirs.Created = DateTimeOffset.UnixEpoch.AddDays(1);
        Assert.True(await states.TrySaveAsync("world", theirs, theirVersion, TestContext.Current.CancellationToken));
        mine.Created = DateTimeOffset.UnixEpoch.AddDays(2);
        Assert.False(await states.TrySaveAsync("world", mine, myVersion, TestContext.Current.CancellationToken)); // 412: reload and retry
        Assert.False(await states.TrySaveAsync("world", mine, null, TestContext.Current.CancellationToken));      // 409: it exists already

        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), (await states.LoadAsync("world", TestContext.Current.CancellationToken)).State.Created);
    }
}
