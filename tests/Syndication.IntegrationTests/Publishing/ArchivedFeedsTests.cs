using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// RFC 5005 archives as an aggregator sees them: start at the subscription document, follow prev-archive to the
/// end over anonymous HTTP, and collect every entry.
/// </summary>
public sealed class ArchivedFeedsTests : IDisposable
{
    private const int PageSize = 5;
    private static readonly HttpClient Http = new();
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace History = "http://purl.org/syndication/history/1.0";

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly string _feeds = Directory.CreateTempSubdirectory("syndication-archive-").FullName;
    private readonly FakeTimeProvider _time = TestClock.Create();

    private readonly AzuriteFixture _azurite;

    public ArchivedFeedsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_feeds, "big")).FullName, "feed.json"),
            """{ "title": "Big", "description": "Many entries", "link": "https://example.com/big/", "language": "en", "author": { "name": "Desk" } }""");
    }

    private void WriteArticles(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(_feeds, "big", $"{i:D3}.txt"), $"---\npublished: {published}\n---\nStory {i:D3}\n\nBody of story {i:D3}.\n");
        }
    }

    private Task<PublishReport> PublishAsync(Action<SyndicationOptions>? configure = null)
    {
        var options = _azurite.OptionsFor(_container, _feeds);
        options.PageSize = PageSize;
        options.Related.Count = 0;
        configure?.Invoke(options);
        return AzuriteFixture.CreatePublisher(options, _time).PublishAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("big/atom.xml")]
    [InlineData("big/rss.xml")]
    public async Task Walk_FromTheSubscriptionDocument_CollectsEveryEntryOnce(string start)
    {
        WriteArticles(1, 23);
        Assert.True((await PublishAsync()).Succeeded);

        var titles = new List<string>();
        var pages = 0;
        for (Uri? url = _azurite.UrlOf(_container, start); url is not null; pages++)
        {
            var document = XDocument.Parse(await Http.GetStringAsync(url, TestContext.Current.CancellationToken));
            var feed = document.Root!.Name == Atom + "feed" ? document.Root : document.Root!.Element("channel")!;
            titles.AddRange(feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)
                .Concat(feed.Elements("item").Select(i => i.Element("title")!.Value)));
            Assert.Equal(pages > 0, feed.Element(History + "archive") is not null);
            Assert.Equal(url.AbsoluteUri, Link(feed, "self"));
            if (pages > 0)
            {
                Assert.Equal(_azurite.UrlOf(_container, start).AbsoluteUri, Link(feed, "current"));
            }

            url = Link(feed, "prev-archive") is string previous ? new Uri(previous) : null;
        }

        Assert.Equal(5, pages); // the subscription document and four archive pages (5 + 5 + 5 + 3 archived)
        Assert.Equal(Enumerable.Range(1, 23).Reverse().Select(i => $"Story {i:D3}"), titles);
    }

    [Fact]
    public async Task Walk_JsonFeedByNextUrl_CollectsEveryEntryOnce()
    {
        WriteArticles(1, 12);
        await PublishAsync();

        var titles = new List<string>();
        for (Uri? url = _azurite.UrlOf(_container, "big/feed.json"); url is not null;)
        {
            var feed = JsonDocument.Parse(await Http.GetStringAsync(url, TestContext.Current.CancellationToken)).RootElement;
            titles.AddRange(feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!));
            url = feed.TryGetProperty("next_url", out var next) ? new Uri(next.GetString()!) : null;
        }

        Assert.Equal(Enumerable.Range(1, 12).Reverse().Select(i => $"Story {i:D3}"), titles);
    }

    [Fact]
    public async Task Publish_OneMoreArticle_UploadsOnlyTheSubscriptionDocumentsPageAndNewestArchive()
    {
        WriteArticles(1, 23);
        await PublishAsync();
        var oldestBefore = await Http.GetStringAsync(_azurite.UrlOf(_container, "big/archive/1.xml"), TestContext.Current.CancellationToken);

        WriteArticles(24, 24);
        var report = await PublishAsync();

        var big = report.Feeds.Single();
        Assert.Equal(7, big.Uploaded); // rss.xml, atom.xml, feed.json, index.html and archive/4 in three formats
        Assert.Equal(9, big.Unchanged); // archive pages 1 to 3 in three formats
        Assert.Equal(oldestBefore, await Http.GetStringAsync(_azurite.UrlOf(_container, "big/archive/1.xml"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_NothingNew_UploadsNothing()
    {
        WriteArticles(1, 23);
        await PublishAsync();

        _time.Advance(TimeSpan.FromHours(1));
        var report = await PublishAsync();

        Assert.Equal((0, 16, 0), report.Feeds.Select(f => (f.Uploaded, f.Unchanged, f.Deleted)).Single());
    }

    [Fact]
    public async Task Publish_ArticleRemoved_DisappearsAndUnneededArchivesAreDeleted()
    {
        WriteArticles(1, 11);
        await PublishAsync();
        File.Delete(Path.Combine(_feeds, "big", "001.txt"));

        var report = await PublishAsync();

        var big = report.Feeds.Single();
        Assert.True(big.Succeeded, big.Error);
        Assert.Equal((10, 1, 3), (big.Entries, big.Archives, big.Deleted)); // archive/2 in three formats is gone
        using var gone = await Http.GetAsync(_azurite.UrlOf(_container, "big/archive/2.xml"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain("Story 001", await Http.GetStringAsync(_azurite.UrlOf(_container, "big/archive/1.xml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RemovingTooMuch_IsRefusedNamingTheFeedAndCount()
    {
        WriteArticles(1, 10);
        await PublishAsync();
        foreach (var i in new[] { 1, 2 })
        {
            File.Delete(Path.Combine(_feeds, "big", $"{i:D3}.txt"));
        }

        // Two removals are fewer than the default MinCount; from 2 on, 20 % of the feed is more than MaxShare allows.
        var report = await PublishAsync(o => o.Deletion.MinCount = 2);

        var big = report.Feeds.Single();
        Assert.False(big.Succeeded);
        Assert.Contains("remove 2 of the 10 entries of feed 'big'", big.Error, StringComparison.Ordinal);
        Assert.Contains("Story 001", await Http.GetStringAsync(_azurite.UrlOf(_container, "big/archive/1.xml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var allowed = await PublishAsync(o => o.Deletion.AllowMassDelete = true);
        Assert.Equal(8, allowed.Feeds.Single().Entries);
    }

    public void Dispose() => Directory.Delete(_feeds, recursive: true);

    private static string? Link(XElement feed, string relation) =>
        feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == relation)?.Attribute("href")?.Value;
}
