using System.Globalization;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
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
    private static readonly HttpClient Http = new();

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly TemporaryFeedsFolder _feeds = new(withSamples: false);
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly AzuriteFixture _azurite;

    public DerivedFeedsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        WriteFeed("europe");
        WriteFeed("asia");
        WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", ["Ukraine", "Energy"], hour: 1);
        WriteArticle("europe", "talks.md", "Talks resume", "Ann Lee", ["Ukraine"], hour: 2);
        WriteArticle("asia", "pipeline.md", "Pipeline opens", "Bo Chen", ["energy"], hour: 3);
    }

    public void Dispose() => _feeds.Dispose();

    private BlobContainerClient Container => _azurite.CreateClient().GetBlobContainerClient(_container);

    private void WriteFeed(string name, string derived = """{ "tags": true, "authors": true, "all": true }""") =>
        _feeds.Write($"{name}/feed.json",
            $$"""{ "title": "{{name}}", "description": "News", "link": "https://news.example.com/{{name}}/", "language": "en", "author": { "name": "Desk" }, "derived": {{derived}} }""");

    private void WriteArticle(string feed, string file, string title, string author, string[] tags, int hour)
    {
        var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(hour).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        _feeds.Write($"{feed}/{file}",
            $"---\ntitle: {title}\nauthor: {author}\npublished: {published}\ntags: [{string.Join(", ", tags)}]\n---\nThe body of {title}.\n");
    }

    private async Task<PublishReport> PublishAsync(Action<SyndicationOptions>? configure = null)
    {
        var options = _azurite.OptionsFor(_container, _feeds.Path);
        options.Related.Count = 0;
        options.Title = "Example News";
        configure?.Invoke(options);
        return await TestPublisher.Create(options, _time).PublishAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> GetAsync(string blob) => await Http.GetStringAsync(_azurite.UrlOf(_container, blob), TestContext.Current.CancellationToken);

    /// <summary>Each item's title and guid in an RSS document, in document order.</summary>
    private async Task<List<(string Title, string Guid)>> ItemsAsync(string feed) =>
        [.. XDocument.Parse(await GetAsync($"{feed}/rss.xml")).Descendants("item").Select(i => ((string)i.Element("title")!, (string)i.Element("guid")!))];

    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in Container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            tags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return tags;
    }

    private static int UploadsOf(PublishReport report, string feed) => report.Feeds.Single(f => f.Feed == feed).Uploaded;

    [Fact]
    public async Task Publish_ArticlesOfTwoFeeds_GoOnceIntoEachFeedOfTheirTagsAuthorsAndAll()
    {
        var report = await PublishAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Feeds.Select(f => f.Error).Concat(report.Diagnostics.Select(d => d.ToString()))));
        Assert.Equal(["Pipeline opens", "Talks resume", "Grid deal signed"], (await ItemsAsync("all")).Select(i => i.Title));
        Assert.Equal(["Pipeline opens", "Grid deal signed"], (await ItemsAsync("tags/energy")).Select(i => i.Title));
        Assert.Equal(["Talks resume", "Grid deal signed"], (await ItemsAsync("tags/ukraine")).Select(i => i.Title));
        Assert.Equal(["Talks resume", "Grid deal signed"], (await ItemsAsync("authors/ann-lee")).Select(i => i.Title));
        Assert.Equal(["Pipeline opens"], (await ItemsAsync("authors/bo-chen")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_DerivedEntry_KeepsTheIdOfItsFolderFeedsEntry()
    {
        await PublishAsync();

        var europe = (await ItemsAsync("europe")).ToDictionary(i => i.Title, i => i.Guid);
        var asia = (await ItemsAsync("asia")).ToDictionary(i => i.Title, i => i.Guid);

        Assert.All(await ItemsAsync("tags/energy"), item => Assert.Equal(europe.GetValueOrDefault(item.Title) ?? asia[item.Title], item.Guid));
        Assert.All(await ItemsAsync("all"), item => Assert.Equal(europe.GetValueOrDefault(item.Title) ?? asia[item.Title], item.Guid));
    }

    [Fact]
    public async Task Publish_DerivedFeeds_AreListedInTheIndexAndTheOpmlList()
    {
        await PublishAsync();

        var opml = XDocument.Parse(await GetAsync("feeds.opml")).Descendants("outline").Select(o => (string)o.Attribute("xmlUrl")!).ToList();
        var index = await GetAsync("index.html");
        foreach (var feed in new[] { "all", "authors/ann-lee", "authors/bo-chen", "tags/energy", "tags/ukraine" })
        {
            Assert.Contains(_azurite.UrlOf(_container, $"{feed}/rss.xml").AbsoluteUri, opml);
            Assert.Contains(_azurite.UrlOf(_container, $"{feed}/index.html").AbsoluteUri, index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Publish_NothingNew_KeepsEveryDocumentsETag()
    {
        await PublishAsync();
        var before = await ETagsAsync();

        _time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();

        Assert.Equal(0, report.Feeds.Sum(f => f.Uploaded));
        Assert.Equal(before, await ETagsAsync());
    }

    [Fact]
    public async Task Publish_NewArticle_WritesOnlyItsFolderFeedAndTheDerivedFeedsItBelongsTo()
    {
        await PublishAsync();
        var before = await ETagsAsync();

        WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        _time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();

        // The feed a blob belongs to: its folder, without the archive folder; the root lists belong to none.
        var changed = (await ETagsAsync()).Where(b => !before.TryGetValue(b.Key, out var etag) || etag != b.Value)
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

        WriteArticle("europe", "talks.md", "Talks resume", "Ann Lee", ["Diplomacy"], hour: 2);
        WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", ["Energy"], hour: 1);
        _time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();
        _time.Advance(TimeSpan.FromHours(1));
        var again = await PublishAsync();

        Assert.Empty(await ItemsAsync("tags/ukraine"));
        Assert.Equal(4, UploadsOf(report, "tags/ukraine"));
        Assert.DoesNotContain(again.Feeds, f => f.Feed == "tags/ukraine");
        Assert.DoesNotContain("tags/ukraine/", await GetAsync("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FolderFeedFails_KeepsTheDerivedFeedsThatDrawFromIt()
    {
        await PublishAsync();
        var before = await ETagsAsync();

        // Removing half of europe's articles is refused by a deletion guard that checks the share of every removal: europe fails.
        File.Delete(Path.Combine(_feeds.Path, "europe", "talks.md"));
        WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", ["Trade"], hour: 4);
        _time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync(o => o.Deletion.MinCount = 0);

        Assert.False(report.Succeeded);
        Assert.Contains("europe", report.Feeds.Single(f => f.Feed == "all").Error, StringComparison.Ordinal);
        var after = await ETagsAsync();
        Assert.All(before.Where(b => b.Key.StartsWith("all/", StringComparison.Ordinal) || b.Key.StartsWith("tags/energy/", StringComparison.Ordinal)
            || b.Key.StartsWith("tags/ukraine/", StringComparison.Ordinal) || b.Key.StartsWith("authors/ann-lee/", StringComparison.Ordinal)),
            b => Assert.Equal(b.Value, after[b.Key]));
        Assert.Equal(["Trade route reopens"], (await ItemsAsync("tags/trade")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_TwoTagsWithOneSlug_ReportsEachAndSharesTheFeed()
    {
        WriteArticle("asia", "sharp.md", "Sharp release", "Bo Chen", ["C#"], hour: 5);
        WriteArticle("europe", "plain.md", "Plain release", "Ann Lee", ["C"], hour: 6);

        var report = await PublishAsync();

        var warnings = report.Diagnostics.Where(d => d.Message.Contains("slug 'c'", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.File.EndsWith("sharp.md", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.File.EndsWith("plain.md", StringComparison.Ordinal));
        Assert.Equal(["Plain release", "Sharp release"], (await ItemsAsync("tags/c")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_FeedThatOptsOut_KeepsItsArticlesOutOfEveryDerivedFeed()
    {
        WriteFeed("asia", derived: """{ "tags": false, "authors": false, "all": false }""");

        await PublishAsync();

        Assert.DoesNotContain("Pipeline opens", (await ItemsAsync("all")).Select(i => i.Title));
        Assert.DoesNotContain("Pipeline opens", (await ItemsAsync("tags/energy")).Select(i => i.Title));
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await Http.GetAsync(_azurite.UrlOf(_container, "authors/bo-chen/rss.xml"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Publish_ArticleUnderEmbargo_IsInNoDerivedFeedUntilItsDate()
    {
        var due = _time.GetUtcNow().AddMinutes(10);
        _feeds.Write("asia/later.md", $"---\ntitle: Embargoed story\nauthor: Cy Diaz\npublished: {due:yyyy-MM-ddTHH:mm:ssZ}\ntags: [Secret]\n---\nLater.\n");

        var held = await PublishAsync();
        Assert.DoesNotContain(held.Feeds, f => f.Feed is "tags/secret" or "authors/cy-diaz");
        Assert.DoesNotContain("Embargoed story", (await ItemsAsync("all")).Select(i => i.Title));

        _time.Advance(TimeSpan.FromMinutes(11));
        await PublishAsync();
        Assert.Equal(["Embargoed story"], (await ItemsAsync("tags/secret")).Select(i => i.Title));
    }

    [Fact]
    public async Task Publish_FolderFeedNamedTags_KeepsItsPlaceAndReportsTheTagFeeds()
    {
        WriteFeed("tags", derived: "{}");
        WriteArticle("tags", "note.md", "A note", "Desk", ["Energy"], hour: 7);

        var report = await PublishAsync();

        Assert.Contains(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.File == Path.Combine(_feeds.Path, "tags", "feed.json"));
        Assert.Equal(["A note"], (await ItemsAsync("tags")).Select(i => i.Title));
        Assert.DoesNotContain(report.Feeds, f => f.Feed.StartsWith("tags/", StringComparison.Ordinal));
        Assert.Contains(report.Feeds, f => f.Feed == "authors/ann-lee" && f.Succeeded);
    }
}
