using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>Publishing only the feeds named (<c>--feed</c>): the others keep every blob and their leases.</summary>
public sealed class OnlyFeedsTests : IDisposable
{
    private readonly TwoFolderFeeds _feeds;

    public OnlyFeedsTests(AzuriteFixture azurite) => _feeds = new(azurite);

    public void Dispose() => _feeds.Dispose();

    private Task<PublishReport> PublishAsync(params string[] only) =>
        _feeds.PublishAsync(options =>
        {
            options.LeaseWait = TimeSpan.FromMinutes(1);
            foreach (var name in only)
            {
                options.OnlyFeeds.Add(name);
            }
        });

    [Fact]
    public async Task Publish_OneFolderFeedNamed_ChangesOnlyItsBlobsAndLeavesTheOthersLeaseAlone()
    {
        await PublishAsync();
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        // Tags and authors already published: a new one would add a derived feed, and so change the list of all feeds.
        _feeds.WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Energy"], hour: 4);
        _feeds.WriteArticle("europe", "power.md", "Power restored", "Ann Lee", ["Ukraine"], hour: 5);
        var before = await _feeds.ETagsAsync();
        // Held as another worker would: a run that touched europe would wait a minute for it, then fail.
        await using var europeLease = await FeedLease.TryAcquireAsync(_feeds.State, _feeds.Container, "europe", TestContext.Current.CancellationToken);
        Assert.NotNull(europeLease);

        var report = await PublishAsync("asia");

        Assert.True(report.Succeeded, TwoFolderFeeds.Errors(report));
        Assert.Equal(["asia"], report.Feeds.Select(f => f.Feed));
        var after = await _feeds.ETagsAsync();
        var changed = after.Keys.Where(name => !before.TryGetValue(name, out var etag) || etag != after[name]).ToList();
        Assert.Contains("asia/rss.xml", changed);
        Assert.All(changed, name => Assert.StartsWith("asia/", name, StringComparison.Ordinal));
        Assert.Equal(["Trade route reopens", "Pipeline opens"], await _feeds.TitlesAsync("asia"));
    }

    [Fact]
    public async Task Publish_FullRunAfterOneFeedNamed_PublishesTheFeedsLeftAlone()
    {
        await PublishAsync();
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        _feeds.WriteArticle("europe", "power.md", "Power restored", "Ann Lee", ["Ukraine"], hour: 5);
        await PublishAsync("asia");

        var report = await PublishAsync();

        Assert.True(report.Succeeded, TwoFolderFeeds.Errors(report));
        Assert.Equal(["Power restored", "Talks resume", "Grid deal signed"], await _feeds.TitlesAsync("europe"));
        Assert.Equal(["Power restored", "Talks resume", "Grid deal signed"], await _feeds.TitlesAsync("tags/ukraine"));
    }

    [Fact]
    public async Task Publish_DerivedFeedNamedAlone_IsBuiltFromItsFolderFeedAsLastPublishedWithoutWritingIt()
    {
        Assert.True((await PublishAsync("europe")).Succeeded);
        _feeds.WriteArticle("europe", "power.md", "Power restored", "Ann Lee", ["Ukraine"], hour: 5);
        var publicBefore = await _feeds.ETagsAsync();
        var stateBefore = await _feeds.ETagsAsync(_feeds.State);

        var report = await PublishAsync("tags/ukraine");

        Assert.True(report.Succeeded, TwoFolderFeeds.Errors(report));
        Assert.Equal(["tags/ukraine"], report.Feeds.Select(f => f.Feed));
        // The new article is not published in europe yet, so the tag feed holds europe's published articles only.
        Assert.Equal(["Talks resume", "Grid deal signed"], await _feeds.TitlesAsync("tags/ukraine"));
        var publicAfter = await _feeds.ETagsAsync();
        Assert.All(publicBefore, blob => Assert.Equal(blob.Value, publicAfter[blob.Key]));
        Assert.All(publicAfter.Keys.Where(name => !publicBefore.ContainsKey(name)), name => Assert.StartsWith("tags/ukraine/", name, StringComparison.Ordinal));
        var stateAfter = await _feeds.ETagsAsync(_feeds.State);
        Assert.Equal(stateBefore[$"{_feeds.Container}/europe/state.json"], stateAfter[$"{_feeds.Container}/europe/state.json"]);
        Assert.DoesNotContain(publicAfter.Keys, name => name.StartsWith("asia/", StringComparison.Ordinal) || name.StartsWith("all/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_UnknownName_FailsNamingItAndTheFeedsThereAreAndWritesNothing()
    {
        var report = await PublishAsync("asia", "africa");

        Assert.False(report.Succeeded);
        var failed = Assert.Single(report.Feeds);
        Assert.Equal("africa", failed.Feed);
        Assert.Contains("'africa'", failed.Error, StringComparison.Ordinal);
        foreach (var feed in new[] { "europe", "asia", "tags/ukraine", "authors/bo-chen", "all" })
        {
            Assert.Contains(feed, failed.Error, StringComparison.Ordinal);
        }

        Assert.Empty(await _feeds.ETagsAsync());
    }
}
