using Microsoft.Extensions.Time.Testing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Faults;

/// <summary>A storage account answering errors or throttling for a while, through a fault-injecting proxy in front of Azurite.</summary>
public sealed class StorageFaultTests(AzuriteFixture azurite) : IDisposable
{
    private readonly FaultProxy _proxy = new(azurite.Port);
    private readonly string _container = AzuriteFixture.NewContainerName();

    private Syndication.Publishing.FeedPublisher Publisher(int retries = 5)
    {
        var options = azurite.OptionsFor(_container, RepositoryPaths.Feeds);
        options.Storage.ConnectionString = AzuriteFixture.ConnectionStringFor(_proxy.Port);
        options.Storage.MaxRetries = retries;
        return AzuriteFixture.CreatePublisher(options, TestClock.Create());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Publish_StorageFailingForAWhile_IsRetriedAndCompletes(int status)
    {
        _proxy.Fail(status);
        var publishing = Publisher().PublishAsync(TestContext.Current.CancellationToken);
        // Two faults: a request failed and so did its retry. Storage recovers well before the retries run out.
        await Eventually.TrueAsync(() => _proxy.Injected >= 2, "the publisher meets the faults and retries");
        _proxy.Fail(0);

        var report = await publishing;

        Assert.True(report.Succeeded, string.Join("; ", report.Feeds.Select(f => f.Error)));
        Assert.True(_proxy.Injected >= 1, "faults were injected");
        var rss = azurite.CreateClient().GetBlobContainerClient(_container).GetBlobClient("world/rss.xml");
        Assert.Contains("1,6 million artillery shells", (await rss.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_StorageFailingLongerThanTheRetries_FailsAndTheNextRunCatchesUp()
    {
        _proxy.Fail(503);
        await Assert.ThrowsAnyAsync<Exception>(() => Publisher(retries: 1).PublishAsync(TestContext.Current.CancellationToken));

        _proxy.Fail(0);
        var report = await Publisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
    }

    public void Dispose() => _proxy.Dispose();
}
