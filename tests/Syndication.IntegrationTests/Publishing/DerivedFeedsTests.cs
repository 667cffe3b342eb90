using System.Xml.Linq;
using Syndication.Articles;
using Syndication.Publishing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// The feeds per tag, per author and of every article, published to Azurite from two folder feeds that take part:
/// what each holds, what a run writes when one article comes, changes or goes, and what stays when a folder feed fails.
/// </summary>
public sealed class DerivedFeedsTests : IDisposable
{
    private readonly TwoFolderFeeds _feeds;

    public DerivedFeedsTests(AzuriteFixture azurite)
    {
        _feeds = new(azurite);
        // Energy in two spellings, one in each folder feed: its tag feed draws from both.
        _feeds.WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", ["Ukraine", "Energy"], hour: 1);
        _feeds.WriteArticle("asia", "pipeline.md", "Pipeline opens", "Bo Chen", ["energy"], hour: 3);
    }

    public void Dispose() => _feeds.Dispose();

    private Task<PublishReport> PublishAsync(Action<SyndicationOptions>? configure = null) =>
        _feeds.PublishAsync(options =>
        {
            options.Title = "Example News";
            configure?.Invoke(options);
        });

    private static int UploadsOf(PublishReport report, string feed) => report.Feeds.Single(f => f.Feed == feed).Uploaded;

    [Fact]
    public async Task Publish_ArticlesOfTwoFeeds_GoOnceIntoEachFeedOfTheirTagsAuthorsAndAll()
    {
        var report = await PublishAsync();

        Assert.True(report.Succeeded, TwoFolderFeeds.Errors(report));
        Assert.Equal(["Pipeline opens", "Talks resume", "Grid deal signed"], (await _feeds.ItemsAsync("all")).Select(i => i.Title));
        Assert.Equal(["Pipeline opens", "Grid deal signed"], (await _feeds.ItemsAsync("tags/energy")).Select(i => i.Title));
        Assert.Equal(["Talks resume", "Grid deal signed"], (await _feeds.ItemsAsync("tags/ukraine")).Select(i => i.Title));
        Assert.Equal(["Talks resume", "Grid deal signed"], (await _feeds.ItemsAsync("authors/ann-lee")).Select(i => i.Title));
        Assert.Equal(["Pipeline opens"], (await _feeds.ItemsAsync("authors/bo-chen")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_DerivedEntry_KeepsTheIdOfItsFolderFeedsEntry()
    {
        await PublishAsync();

        var europe = (await _feeds.ItemsAsync("europe")).ToDictionary(i => i.Title, i => i.Guid);
        var asia = (await _feeds.ItemsAsync("asia")).ToDictionary(i => i.Title, i => i.Guid);

        Assert.All(await _feeds.ItemsAsync("tags/energy"), item => Assert.Equal(europe.GetValueOrDefault(item.Title) ?? asia[item.Title], item.Guid));
        Assert.All(await _feeds.ItemsAsync("all"), item => Assert.Equal(europe.GetValueOrDefault(item.Title) ?? asia[item.Title], item.Guid));
    }

    [Fact]
    public async Task Publish_DerivedFeeds_AreListedInTheIndexAndTheOpmlList()
    {
        await PublishAsync();

        var opml = XDocument.Parse(await _feeds.GetAsync("feeds.opml")).Descendants("outline").Select(o => (string)o.Attribute("xmlUrl")!).ToList();
        var index = await _feeds.GetAsync("index.html");
        foreach (var feed in new[] { "all", "authors/ann-lee", "authors/bo-chen", "tags/energy", "tags/ukraine" })
        {
            Assert.Contains(_feeds.UrlOf($"{feed}/rss.xml").AbsoluteUri, opml);
            Assert.Contains(_feeds.UrlOf($"{feed}/index.html").AbsoluteUri, index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Publish_NothingNew_KeepsEveryDocumentsETag()
    {
        await PublishAsync();
        var before = await _feeds.ETagsAsync();

        _feeds.Time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();

        Assert.Equal(0, report.Feeds.Sum(f => f.Uploaded));
        Assert.Equal(before, await _feeds.ETagsAsync());
    }

    [Fact]
    public async Task Publish_NewArticle_WritesOnlyItsFolderFeedAndTheDerivedFeedsItBelongsTo()
    {
        await PublishAsync();
        var before = await _feeds.ETagsAsync();

        _feeds.WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();

        // The feed a blob belongs to: its folder, without the archive folder; the root lists belong to none.
        var changed = (await _feeds.ETagsAsync()).Where(b => !before.TryGetValue(b.Key, out var etag) || etag != b.Value)
            .Where(b => b.Key.Contains('/', StringComparison.Ordinal))
            .Select(b => b.Key[..b.Key.LastIndexOf('/')].Replace("/archive", string.Empty, StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal);
        // "tags" is the page of the tags folder, which now lists the new tag's feed.
        Assert.Equal(["all", "asia", "authors/bo-chen", "tags", "tags/trade"], changed);
        Assert.All(new[] { "europe", "authors/ann-lee", "tags/energy", "tags/ukraine" }, feed => Assert.Equal(0, UploadsOf(report, feed)));
    }

    [Fact]
    public async Task Publish_TagNoLongerUsed_EmptiesItsFeedOnceAndUnlistsIt()
    {
        await PublishAsync();

        _feeds.WriteArticle("europe", "talks.md", "Talks resume", "Ann Lee", ["Diplomacy"], hour: 2);
        _feeds.WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", ["Energy"], hour: 1);
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        var again = await PublishAsync();

        Assert.Empty(await _feeds.ItemsAsync("tags/ukraine"));
        Assert.Equal(4, UploadsOf(report, "tags/ukraine"));
        Assert.DoesNotContain(again.Feeds, f => f.Feed == "tags/ukraine");
        Assert.DoesNotContain("tags/ukraine/", await _feeds.GetAsync("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FolderFeedFails_KeepsTheDerivedFeedsThatDrawFromIt()
    {
        await PublishAsync();
        var before = await _feeds.ETagsAsync();

        // Removing half of europe's articles is refused by a deletion guard that checks the share of every removal: europe fails.
        File.Delete(Path.Combine(_feeds.Folder.Path, "europe", "talks.md"));
        _feeds.WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        _feeds.Time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync(o => o.Deletion.MinCount = 0);

        Assert.False(report.Succeeded);
        Assert.Contains("europe", report.Feeds.Single(f => f.Feed == "all").Error, StringComparison.Ordinal);
        var after = await _feeds.ETagsAsync();
        Assert.All(before.Where(b => b.Key.StartsWith("all/", StringComparison.Ordinal) || b.Key.StartsWith("tags/energy/", StringComparison.Ordinal)
            || b.Key.StartsWith("tags/ukraine/", StringComparison.Ordinal) || b.Key.StartsWith("authors/ann-lee/", StringComparison.Ordinal)),
            b => Assert.Equal(b.Value, after[b.Key]));
        Assert.Equal(["Trade route reopens"], (await _feeds.ItemsAsync("tags/trade")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_TwoTagsWithOneSlug_ReportsEachAndSharesTheFeed()
    {
        _feeds.WriteArticle("asia", "sharp.md", "Sharp release", "Bo Chen", ["C#"], hour: 5);
        _feeds.WriteArticle("europe", "plain.md", "Plain release", "Ann Lee", ["C"], hour: 6);

        var report = await PublishAsync();

        var warnings = report.Diagnostics.Where(d => d.Message.Contains("slug 'c'", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.File.EndsWith("sharp.md", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.File.EndsWith("plain.md", StringComparison.Ordinal));
        Assert.Equal(["Plain release", "Sharp release"], (await _feeds.ItemsAsync("tags/c")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_FeedThatOptsOut_KeepsItsArticlesOutOfEveryDerivedFeed()
    {
        _feeds.WriteFeed("asia", derived: """{ "tags": false, "authors": false, "all": false }""");

        await PublishAsync();

        Assert.DoesNotContain("Pipeline opens", (await _feeds.ItemsAsync("all")).Select(i => i.Title));
        Assert.DoesNotContain("Pipeline opens", (await _feeds.ItemsAsync("tags/energy")).Select(i => i.Title));
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            await _feeds.StatusOfAsync("authors/bo-chen/rss.xml"));
    }

    [Fact]
    public async Task Publish_ArticleUnderEmbargo_IsInNoDerivedFeedUntilItsDate()
    {
        var due = _feeds.Time.GetUtcNow().AddMinutes(10);
        _feeds.Folder.Write("asia/later.md", $"---\ntitle: Embargoed story\nauthor: Cy Diaz\npublished: {due:yyyy-MM-ddTHH:mm:ssZ}\ntags: [Secret]\n---\nLater.\n");

        var held = await PublishAsync();
        Assert.DoesNotContain(held.Feeds, f => f.Feed is "tags/secret" or "authors/cy-diaz");
        Assert.DoesNotContain("Embargoed story", (await _feeds.ItemsAsync("all")).Select(i => i.Title));

        _feeds.Time.Advance(TimeSpan.FromMinutes(11));
        await PublishAsync();
        Assert.Equal(["Embargoed story"], (await _feeds.ItemsAsync("tags/secret")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_FolderFeedNamedTags_KeepsItsPlaceAndReportsTheTagFeeds()
    {
        _feeds.WriteFeed("tags", derived: "{}");
        _feeds.WriteArticle("tags", "note.md", "A note", "Desk", ["Energy"], hour: 7);

        var report = await PublishAsync();

        Assert.Contains(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.File == Path.Combine(_feeds.Folder.Path, "tags", "feed.json"));
        Assert.Equal(["A note"], (await _feeds.ItemsAsync("tags")).Select(i => i.Title));
        Assert.DoesNotContain(report.Feeds, f => f.Feed.StartsWith("tags/", StringComparison.Ordinal));
        Assert.Contains(report.Feeds, f => f.Feed == "authors/ann-lee" && f.Succeeded);
    }
}
