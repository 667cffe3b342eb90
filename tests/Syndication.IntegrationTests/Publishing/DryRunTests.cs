using System.Diagnostics;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// A dry run against storage: it names the documents the next run uploads and deletes, and leaves every blob of the
/// published and the state container as it was, takes no lease and notifies no hub.
/// </summary>
public sealed class DryRunTests : IDisposable
{
    private readonly TwoFolderFeeds _feeds;
    private readonly TestHub _hub = new();

    public DryRunTests(AzuriteFixture azurite) => _feeds = new(azurite);

    public void Dispose()
    {
        _hub.Dispose();
        _feeds.Dispose();
    }

    private async Task<PublishReport> PublishAsync(bool dryRun, Action<SyndicationOptions>? configure = null)
    {
        var report = await _feeds.PublishAsync(options =>
        {
            options.PageSize = 1;
            options.DryRun = dryRun;
            options.WebSub.Hub = _hub.Url;
            options.WebSub.RetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        Assert.True(report.Succeeded, TwoFolderFeeds.Errors(report));
        return report;
    }

    /// <summary>Every blob of both containers with its ETag (and the lease blobs' lease state), or nothing for a container that does not exist.</summary>
    private async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        var blobs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in new[] { _feeds.Public, _feeds.State })
        {
            if (!await container.ExistsAsync(TestContext.Current.CancellationToken))
            {
                continue;
            }

            await foreach (var blob in container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
                blobs[$"{container.Name}/{blob.Name}"] = $"{blob.Properties.ETag} {blob.Properties.LeaseState}";
            }
        }

        return blobs;
    }

    /// <summary>Per feed, the documents uploaded and deleted, in name order (one string each, so dictionaries compare them by value).</summary>
    private static SortedDictionary<string, string> Plans(PublishReport report) =>
        new(report.Feeds.ToDictionary(
            f => f.Feed,
            f => $"upload {string.Join(' ', f.UploadNames.Order(StringComparer.Ordinal))}; delete {string.Join(' ', f.DeleteNames.Order(StringComparer.Ordinal))}"),
            StringComparer.Ordinal);

    [Fact]
    public async Task DryRun_EmptyAccount_CreatesNoContainerAndWouldUploadWhatTheRunThenUploads()
    {
        var dry = await PublishAsync(dryRun: true);

        Assert.False(await _feeds.Public.ExistsAsync(TestContext.Current.CancellationToken));
        Assert.False(await _feeds.State.ExistsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_hub.Calls);
        Assert.True(dry.DryRun);
        // Two articles at one per page: the subscription documents, one archive page in three formats, and the page.
        Assert.Equal(["europe/archive/1.json", "europe/archive/1.rss.xml", "europe/archive/1.xml", "europe/atom.xml", "europe/feed.json", "europe/index.html", "europe/rss.xml"],
            dry.Feeds.Single(f => f.Feed == "europe").UploadNames.Order(StringComparer.Ordinal));
        Assert.All(dry.Feeds, f => Assert.True(f.HubNotified, f.Feed));
        Assert.Contains("index.html", dry.FeedListUploadNames);
        Assert.Contains("feeds.opml", dry.FeedListUploadNames);

        var real = await PublishAsync(dryRun: false);

        Assert.Equal(Plans(real), Plans(dry));
        Assert.Equal(real.FeedListUploadNames.Order(StringComparer.Ordinal), dry.FeedListUploadNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DryRun_NewArticle_ListsExactlyWhatTheNextRunUploadsAndChangesNoBlob()
    {
        await PublishAsync(dryRun: false);
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        _feeds.WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        var before = await SnapshotAsync();
        _hub.Calls.Clear();

        var dry = await PublishAsync(dryRun: true);

        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(_hub.Calls);
        Assert.Empty(dry.Feeds.Single(f => f.Feed == "europe").UploadNames);
        Assert.Contains("asia/rss.xml", dry.Feeds.Single(f => f.Feed == "asia").UploadNames);
        Assert.Contains("tags/trade/rss.xml", dry.Feeds.Single(f => f.Feed == "tags/trade").UploadNames);
        Assert.Equal(["all", "asia", "authors/bo-chen", "tags/trade"], dry.Feeds.Where(f => f.HubNotified).Select(f => f.Feed).Order(StringComparer.Ordinal));

        var real = await PublishAsync(dryRun: false);

        Assert.Equal(Plans(real), Plans(dry));
        Assert.Equal(real.Feeds.Where(f => f.HubNotified).Select(f => f.Feed).Order(StringComparer.Ordinal),
            dry.Feeds.Where(f => f.HubNotified).Select(f => f.Feed).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DryRun_ArticleRemoved_ListsTheArchivePagesTheRunThenDeletes()
    {
        await PublishAsync(dryRun: false);
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        File.Delete(Path.Combine(_feeds.Folder.Path, "europe", "grid.md"));
        var before = await SnapshotAsync();

        var dry = await PublishAsync(dryRun: true, o => o.Deletion.AllowMassDelete = true);

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(["europe/archive/1.json", "europe/archive/1.rss.xml", "europe/archive/1.xml"], dry.Feeds.Single(f => f.Feed == "europe").DeleteNames.Order(StringComparer.Ordinal));

        var real = await PublishAsync(dryRun: false, o => o.Deletion.AllowMassDelete = true);

        Assert.Equal(Plans(real), Plans(dry));
    }

    [Fact]
    public async Task DryRun_ToAnOutputFolderNotYetMade_MakesNoFolderAndWouldWriteWhatTheRunThenWrites()
    {
        var output = Path.Combine(_feeds.Folder.Path, "..", Path.GetFileName(_feeds.Folder.Path) + "-out");
        try
        {
            var dry = await PublishAsync(dryRun: true, o => o.OutputPath = output);

            Assert.False(Directory.Exists(output));
            Assert.Contains("europe/rss.xml", dry.Feeds.Single(f => f.Feed == "europe").UploadNames);

            var real = await PublishAsync(dryRun: false, o => o.OutputPath = output);

            Assert.Equal(Plans(real), Plans(dry));
        }
        finally
        {
            OutputFolder.Delete(output);
        }
    }

    [Fact]
    public async Task DryRun_FeedLeasedByAWorker_IsComparedWithoutWaitingAndTheLeaseStaysWithTheWorker()
    {
        await PublishAsync(dryRun: false);
        _feeds.WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        await using var lease = await FeedLease.TryAcquireAsync(_feeds.State, _feeds.Container, "asia", TestContext.Current.CancellationToken);
        Assert.NotNull(lease);
        var before = await SnapshotAsync();
        var clock = Stopwatch.StartNew();

        var dry = await PublishAsync(dryRun: true, o => o.LeaseWait = TimeSpan.FromMinutes(1));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the dry run took {clock.Elapsed}");
        var asia = dry.Feeds.Single(f => f.Feed == "asia");
        Assert.False(asia.Skipped);
        Assert.Contains("asia/rss.xml", asia.UploadNames);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await FeedLease.TryAcquireAsync(_feeds.State, _feeds.Container, "asia", TestContext.Current.CancellationToken));
    }
}
