using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Tests.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class PublishWorkerTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly ObservedClock _time = new();
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
        await Eventually.TrueAsync(() => RssContainsAsync(rss, "1,6 million artillery shells"), "the first run publishes at start");

        _feeds.Write("world/001_next.txt", "The next story\n\nBody.\n");
        await Eventually.TrueAsync(() => _time.IsWaitingUntil(TestClock.Now.AddMinutes(5)), "the worker waits for the tick one interval after the first run started");
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await RssContainsAsync(rss, "The next story"), "published before the interval elapsed");

        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => RssContainsAsync(rss, "The next story"), "the second run publishes the new article");

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
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the first run finishes");
        Assert.True(await RssContainsAsync(container.GetBlobClient("world/rss.xml"), "Not a character &#x26;"));
        Assert.True(await RssContainsAsync(container.GetBlobClient("surrogate/rss.xml"), "Surrogate feed story"));

        _feeds.Write("world/002_after.txt", "Published after the hostile files\n\nBody.\n");
        _time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => RssContainsAsync(container.GetBlobClient("world/rss.xml"), "Published after the hostile files"), "the next run publishes too");

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
    public async Task PublishOnceAsync_FeedSkippedForItsFeedJson_IsAFailedRunInTheHealthFile()
    {
        _feeds.Write("broken/feed.json", "{ \"title\": ");
        _feeds.Write("broken/one.txt", "A story of the broken feed\n\nBody.\n");
        var worker = DefaultWorker();
        using var publisher = CreateWorker(DefaultOptions(), worker);

        Assert.False(await publisher.PublishOnceAsync(TestContext.Current.CancellationToken));

        var record = HealthRecord.Read(worker.HealthFile);
        Assert.NotNull(record);
        Assert.Null(record.LastSuccess);
        Assert.Contains("'broken'", record.LastError, StringComparison.Ordinal);
        File.Delete(worker.HealthFile);
    }

    [Fact]
    public async Task PublishOnceAsync_PublishedFeedWhoseFeedJsonBreaks_IsAFailedRunThoughTheFeedStaysPublished()
    {
        var worker = DefaultWorker();
        using var publisher = CreateWorker(DefaultOptions(), worker);
        Assert.True(await publisher.PublishOnceAsync(TestContext.Current.CancellationToken));
        _feeds.Write("world/feed.json", "{ \"title\": ");

        Assert.False(await publisher.PublishOnceAsync(TestContext.Current.CancellationToken));

        var record = HealthRecord.Read(worker.HealthFile);
        Assert.NotNull(record);
        Assert.Contains("world/feed.json", record.LastError, StringComparison.Ordinal);
        Assert.Contains("published from its last good feed.json", record.LastError, StringComparison.Ordinal);
        File.Delete(worker.HealthFile);
    }

    [Fact]
    public async Task ExecuteAsync_CronSchedule_PublishesAtStartThenAtTheCronTimes()
    {
        var options = DefaultOptions();
        var workerOptions = DefaultWorker();
        workerOptions.Schedule = "0 * * * *"; // every hour on the hour; the fake clock starts at 08:00
        using var worker = CreateWorker(options, workerOptions);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the run at start finishes");
        await Eventually.TrueAsync(() => _time.IsWaitingUntil(TestClock.Now.AddHours(1)), "the worker waits for 09:00");

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, worker.CompletedRuns);

        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => worker.CompletedRuns == 2, "the 09:00 run finishes");
        await Eventually.TrueAsync(() => _time.IsWaitingUntil(TestClock.Now.AddHours(2)), "the worker waits for 10:00");
        _time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => worker.CompletedRuns == 3, "the 10:00 run finishes");

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
        using var worker = CreateWorker(options, workerOptions);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the run at start finishes");
        var seen = worker.ChangesSeen;
        for (var i = 0; i < 8; i++)
        {
            // 50 ms apart on the worker's clock: 400 ms of saves, less than one quiet time however long they take.
            _feeds.Write($"world/10{i}_burst.txt", $"Burst story {i}\n\nBody {i}.\n");
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await Eventually.TrueAsync(() => worker.ChangesSeen > seen && _time.IsWaitingAtMost(workerOptions.WatchDebounce), "the worker sees the burst and waits for a pause");
        Assert.Equal(1, worker.CompletedRuns);
        await AdvanceThroughQuietTimesAsync(worker, workerOptions.WatchDebounce, runs: 2);
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
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the run at start finishes");

        // A save every half second of the worker's clock: the folder is never quiet for a whole second. The clock
        // moves only once the worker has seen the save, and the next save waits until the worker waits again.
        async Task SaveAsync(int version)
        {
            var seen = worker.ChangesSeen;
            _feeds.Write("world/100_autosaved.txt", $"Autosaved story\n\nVersion {version}.\n");
            await Eventually.TrueAsync(() => worker.ChangesSeen > seen, "the worker sees the save");
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Eventually.TrueAsync(() => worker.CompletedRuns > 1 || _time.IsWaitingAtMost(workerOptions.WatchDebounce), "the worker waits for a pause, or has published");
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
        using var worker = CreateWorker(options, workerOptions);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the run at start finishes");
        var seen = worker.ChangesSeen;

        _feeds.Write("world/_draft.md", "Draft\n\nNot yet.\n");
        _feeds.Write("world/.notes.md", "Notes\n\nNot for readers.\n");
        _feeds.Write("world/_drafts/later.md", "Later\n\nNot yet either.\n");
        // The real story arrives by one rename, one event after the drafts' events: once it is seen, the drafts were.
        File.Move(_feeds.Write("world/_100_real.txt", "A real story\n\nBody.\n"), Path.Combine(_feeds.Path, "world", "100_real.txt"));
        await Eventually.TrueAsync(() => worker.ChangesSeen > seen, "the worker sees the real story");
        Assert.Equal(seen + 1, worker.ChangesSeen);
        Assert.Equal(1, worker.CompletedRuns);

        await AdvanceThroughQuietTimesAsync(worker, workerOptions.WatchDebounce, runs: 2);
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
            await Eventually.TrueAsync(() => RssContainsAsync(rss, "1,6 million artillery shells"), "the first run publishes");

            await AzuriteFixture.StopAsync(azuriteProcess);
            var runs = worker.CompletedRuns;
            await Eventually.TrueAsync(() => worker.CompletedRuns >= runs + 3, "three runs fail during the outage");
            _feeds.Write("world/005_during_outage.txt", "Written during the outage\n\nBody.\n");

            azuriteProcess = await AzuriteFixture.StartAsync(port, location);
            // A feed whose lease was held when storage stopped is free again once that lease expires (30 s): break it instead of waiting.
            await AzuriteFixture.BreakLeasesAsync(new BlobServiceClient(options.Storage.ConnectionString).GetBlobContainerClient(options.Storage.EffectiveStateContainer));
            await Eventually.TrueAsync(() => RssContainsAsync(rss, "Written during the outage"), "the worker catches up", TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(() => logger.Count(2003) > 0, "the recovery is logged", TimeSpan.FromSeconds(60));
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
        await Eventually.TrueAsync(async () => await container.ExistsAsync() && await container.GetBlobsAsync().AnyAsync(), "the run has begun writing");
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

    [Fact]
    public async Task ExecuteAsync_ArticleDatedTenMinutesAhead_WakesAtItsDateThoughTheTickIsAnHourAway()
    {
        var release = TestClock.Now.AddMinutes(10);
        _feeds.Write("world/010_embargoed.md", $"---\npublished: {release:yyyy-MM-ddTHH:mm:ssZ}\n---\n# The embargoed story\n\nBody.\n");
        var workerOptions = DefaultWorker();
        workerOptions.Interval = TimeSpan.FromHours(1);
        using var worker = CreateWorker(DefaultOptions(), workerOptions);
        var container = azurite.CreateClient().GetBlobContainerClient(_container);
        BlobClient[] documents = [container.GetBlobClient("world/rss.xml"), container.GetBlobClient("world/atom.xml"), container.GetBlobClient("world/feed.json")];

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => worker.CompletedRuns == 1, "the run at start finishes");
        Assert.Equal(release, worker.NextRelease);
        await Eventually.TrueAsync(() => _time.IsWaitingUntil(release), "the worker waits for the release, not for the tick at 09:00");
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(1, worker.CompletedRuns);
        foreach (var document in documents)
        {
            Assert.False(await RssContainsAsync(document, "The embargoed story"), $"{document.Name} has the article before its date");
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        foreach (var document in documents)
        {
            await Eventually.TrueAsync(() => RssContainsAsync(document, "The embargoed story"), $"{document.Name} has the article at its date");
        }

        await Eventually.TrueAsync(() => _time.IsWaitingUntil(release.AddHours(1)), "with nothing held, the worker waits for the schedule again");
        Assert.Null(worker.NextRelease);
        await worker.StopAsync(TestContext.Current.CancellationToken);
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

    /// <summary>
    /// Moves the clock by <paramref name="quiet"/> whenever the worker waits for a pause, until <paramref name="runs"/>
    /// runs have finished: saves whose events arrive late only make it wait again, and never make a run on their own.
    /// </summary>
    private async Task AdvanceThroughQuietTimesAsync(PublishWorker worker, TimeSpan quiet, int runs) =>
        await Eventually.TrueAsync(() =>
        {
            if (worker.CompletedRuns >= runs)
            {
                return true;
            }

            if (_time.IsWaitingAtMost(quiet))
            {
                _time.Advance(quiet);
            }

            return false;
        }, $"run {runs} finishes once the folder is quiet");
}
