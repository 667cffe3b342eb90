using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Tests.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class PublishWorkerTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly string _container = AzuriteFixture.NewContainerName();

    private PublishWorker CreateWorker(SyndicationOptions options) =>
        new(AzuriteFixture.CreatePublisher(options, _time), Options.Create(options), _time, NullLogger<PublishWorker>.Instance);

    private SyndicationOptions DefaultOptions()
    {
        var options = azurite.OptionsFor(_container, _feeds.Path);
        options.Interval = TimeSpan.FromMinutes(5);
        options.Watch = false;
        options.HealthFile = Path.Combine(_feeds.Path, "health.json");
        options.Storage.MaxRetries = 0;
        return options;
    }

    [Fact]
    public async Task ExecuteAsync_PublishesAtStartThenOnEveryInterval()
    {
        using var worker = CreateWorker(DefaultOptions());
        var rss = azurite.CreateClient().GetBlobContainerClient(_container).GetBlobClient("world/rss.xml");

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => RssContainsAsync(rss, "1,6 million artillery shells"));

        _feeds.Write("world/001_next.txt", "The next story\n\nBody.\n");
        _time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(await RssContainsAsync(rss, "The next story"), "published before the interval elapsed");

        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => RssContainsAsync(rss, "The next story"));

        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PublishOnceAsync_StorageDown_ReturnsFalseInsteadOfThrowing()
    {
        var options = DefaultOptions();
        options.Storage.ConnectionString = AzuriteFixture.UnreachableConnectionString;
        using var worker = CreateWorker(options);

        Assert.False(await worker.PublishOnceAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _feeds.Dispose();

    private static async Task<bool> RssContainsAsync(BlobClient rss, string text)
    {
        if (!await rss.ExistsAsync())
        {
            return false;
        }

        return (await rss.DownloadContentAsync()).Value.Content.ToString().Contains(text, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "condition not met within 20 s");
            await Task.Delay(50);
        }
    }
}
