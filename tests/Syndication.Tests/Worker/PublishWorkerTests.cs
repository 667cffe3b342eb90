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

    private PublishWorker CreateWorker(SyndicationOptions options, WorkerOptions? worker = null) =>
        new(AzuriteFixture.CreatePublisher(options, _time), Options.Create(options), Options.Create(worker ?? DefaultWorker()), _time, NullLogger<PublishWorker>.Instance);

    private SyndicationOptions DefaultOptions()
    {
        var options = azurite.OptionsFor(_container, _feeds.Path);
        options.Storage.MaxRetries = 0;
        return options;
    }

    private WorkerOptions DefaultWorker() => new()
    {
        Interval = TimeSpan.FromMinutes(5),
        Watch = false,
        HealthFile = Path.Combine(Path.GetTempPath(), $"syndication-health-{_container}.json"),
    };

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
    public async Task ExecuteAsync_HostileFiles_KeepsRunningAndPublishesEverythingElse()
    {
        // Each of these once stopped a whole run, or the process: deep nesting overflowed the stack in YamlDotNet.
        _feeds.Write("world/deep.md", "---\ntitle: " + new string('[', 20_000) + "\n---\nBody\n");
        _feeds.Write("world/unclosed.md", "---\ntitle: [unclosed\n---\nBody\n");
        _feeds.Write("world/fffe.txt", "Not \uFFFE a character &\n\nBody.\n");
        _feeds.Write("surrogate/feed.json", """{ "title": "World\uD800", "link": "https://example.com/s/", "description": "\u0001\u001b" }""");
        _feeds.Write("surrogate/one.txt", "Surrogate feed story\n\nBody.\n");
        using var worker = CreateWorker(DefaultOptions());
        var container = azurite.CreateClient().GetBlobContainerClient(_container);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 1));
        Assert.True(await RssContainsAsync(container.GetBlobClient("world/rss.xml"), "Not a character &#x26;"));
        Assert.True(await RssContainsAsync(container.GetBlobClient("surrogate/rss.xml"), "Surrogate feed story"));

        _feeds.Write("world/002_after.txt", "Published after the hostile files\n\nBody.\n");
        _time.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => RssContainsAsync(container.GetBlobClient("world/rss.xml"), "Published after the hostile files"));

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

    [Fact]
    public async Task ExecuteAsync_CronSchedule_PublishesAtStartThenAtTheCronTimes()
    {
        var options = DefaultOptions();
        var workerOptions = DefaultWorker();
        workerOptions.Schedule = "0 * * * *"; // every hour on the hour; the fake clock starts at 08:00
        using var worker = CreateWorker(options, workerOptions);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 1));

        _time.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(1, worker.CompletedRuns);

        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 2));
        _time.Advance(TimeSpan.FromHours(1));
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 3));

        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_BurstOfSavedFiles_MakesExactlyOneRun()
    {
        var options = DefaultOptions();
        var workerOptions = DefaultWorker();
        workerOptions.Watch = true;
        workerOptions.WatchDebounce = TimeSpan.FromMilliseconds(500);
        workerOptions.Interval = TimeSpan.FromHours(1);
        using var worker = new PublishWorker(AzuriteFixture.CreatePublisher(options, TimeProvider.System), Options.Create(options), Options.Create(workerOptions), TimeProvider.System, NullLogger<PublishWorker>.Instance);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 1));
        for (var i = 0; i < 8; i++)
        {
            _feeds.Write($"world/10{i}_burst.txt", $"Burst story {i}\n\nBody {i}.\n");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 2));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(2, worker.CompletedRuns);
        var rss = azurite.CreateClient().GetBlobContainerClient(_container).GetBlobClient("world/rss.xml");
        Assert.True(await RssContainsAsync(rss, "Burst story 7"));

        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_FileSavedOverAndOverWithoutPause_IsPublishedAfterTenQuietTimes()
    {
        var options = DefaultOptions();
        var workerOptions = DefaultWorker();
        workerOptions.Watch = true;
        workerOptions.WatchDebounce = TimeSpan.FromSeconds(1);
        workerOptions.Interval = TimeSpan.FromHours(1);
        using var worker = CreateWorker(options, workerOptions);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 1));

        // A save every half second of the worker's clock: the folder is never quiet for a whole second.
        async Task SaveAsync(int version)
        {
            _feeds.Write("world/100_autosaved.txt", $"Autosaved story\n\nVersion {version}.\n");
            await Task.Delay(100, TestContext.Current.CancellationToken); // the watcher's event arrives
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        for (var save = 0; save < 16; save++)
        {
            await SaveAsync(save);
        }

        Assert.Equal(1, worker.CompletedRuns); // 8 s of saves: still waiting for a pause
        for (var save = 16; save < 60 && worker.CompletedRuns == 1; save++)
        {
            await SaveAsync(save);
        }

        Assert.Equal(2, worker.CompletedRuns); // published while the saves went on
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_DraftsAndFilesInDraftFolders_StartNoRun()
    {
        var options = DefaultOptions();
        var workerOptions = DefaultWorker();
        workerOptions.Watch = true;
        workerOptions.WatchDebounce = TimeSpan.FromMilliseconds(200);
        workerOptions.Interval = TimeSpan.FromHours(1);
        using var worker = new PublishWorker(AzuriteFixture.CreatePublisher(options, TimeProvider.System), Options.Create(options), Options.Create(workerOptions), TimeProvider.System, NullLogger<PublishWorker>.Instance);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 1));

        _feeds.Write("world/_draft.md", "Draft\n\nNot yet.\n");
        _feeds.Write("world/.notes.md", "Notes\n\nNot for readers.\n");
        _feeds.Write("world/_drafts/later.md", "Later\n\nNot yet either.\n");
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(1, worker.CompletedRuns);

        _feeds.Write("world/100_real.txt", "A real story\n\nBody.\n");
        await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns == 2));
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_StorageStoppedAndRestarted_LogsTheOutageOnceAndCatchesUp()
    {
        var port = AzuriteFixture.FreePort();
        var location = Directory.CreateTempSubdirectory("syndication-outage-").FullName;
        var azuriteProcess = await AzuriteFixture.StartAsync(port, location);
        try
        {
            var options = DefaultOptions();
            var workerOptions = DefaultWorker();
            options.Storage.ConnectionString = AzuriteFixture.ConnectionStringFor(port);
            options.Storage.NetworkTimeout = TimeSpan.FromSeconds(2);
            workerOptions.Interval = TimeSpan.FromMilliseconds(300);
            var logger = new ListLogger<PublishWorker>();
            using var worker = new PublishWorker(AzuriteFixture.CreatePublisher(options, TimeProvider.System), Options.Create(options), Options.Create(workerOptions), TimeProvider.System, logger);
            var rss = new Azure.Storage.Blobs.BlobServiceClient(options.Storage.ConnectionString).GetBlobContainerClient(_container).GetBlobClient("world/rss.xml");

            await worker.StartAsync(TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => RssContainsAsync(rss, "1,6 million artillery shells"));

            await AzuriteFixture.StopAsync(azuriteProcess);
            var runs = worker.CompletedRuns;
            await WaitUntilAsync(() => Task.FromResult(worker.CompletedRuns >= runs + 3));
            _feeds.Write("world/005_during_outage.txt", "Written during the outage\n\nBody.\n");

            azuriteProcess = await AzuriteFixture.StartAsync(port, location);
            // A feed whose lease was held when storage stopped is free again once that lease expires (30 s).
            await WaitUntilAsync(() => RssContainsAsync(rss, "Written during the outage"), TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => Task.FromResult(logger.Count(2003) > 0), TimeSpan.FromSeconds(60));
            await worker.StopAsync(TestContext.Current.CancellationToken);

            Assert.Equal(1, logger.Count(2000)); // the outage, logged once when it started
            Assert.Equal(1, logger.Count(2003)); // and once when it ended
            Assert.True(logger.Count(2002) >= 2, "later failures only at debug level");
        }
        finally
        {
            await AzuriteFixture.StopAsync(azuriteProcess);
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task StopAsync_MidRun_FinishesCleanlyAndLeavesOnlyWholeDocuments()
    {
        for (var f = 0; f < 12; f++)
        {
            _feeds.Write($"extra{f:D2}/feed.json", $$"""{ "title": "Extra {{f}}", "description": "D", "link": "https://example.com/e{{f}}/", "language": "en", "author": { "name": "A" } }""");
            for (var a = 0; a < 30; a++)
            {
                _feeds.Write($"extra{f:D2}/{a:D3}.txt", $"Story {f}-{a}\n\n{string.Join(' ', Enumerable.Repeat($"Words of story {f} {a}.", 60))}\n");
            }
        }

        var options = DefaultOptions();
        options.PageSize = 5;
        using var worker = CreateWorker(options);
        var container = azurite.CreateClient().GetBlobContainerClient(_container);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(async () => await container.ExistsAsync() && await container.GetBlobsAsync().AnyAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await worker.StopAsync(deadline.Token);

        var blobs = await container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(blobs);
        foreach (var blob in blobs)
        {
            var text = (await container.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                using var _ = System.Text.Json.JsonDocument.Parse(text);
            }
            else if (blob.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
            }
            else
            {
                _ = System.Xml.Linq.XDocument.Parse(text);
            }
        }
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

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        var within = limit ?? TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(watch.Elapsed < within, $"condition not met within {within}");
            await Task.Delay(50);
        }
    }
}
