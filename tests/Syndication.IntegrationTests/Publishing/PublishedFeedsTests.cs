using System.Net;
using System.Text.Json;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Microsoft.Extensions.Time.Testing;
using Syndication.Formats;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// What subscribers get: every published document fetched anonymously from Azurite, with its headers, and read by
/// a parser that is not ours (CodeHollow.FeedReader) and compared with the article file itself.
/// </summary>
public sealed class PublishedFeedsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly string _container = AzuriteFixture.NewContainerName();

    // Read straight from the file, not through the project's parser.
    private readonly string[] _seedLines = File.ReadAllLines(RepositoryPaths.SeedArticle);

    private string SeedTitle => _seedLines[0];

    private string SeedRelatedTitle => _seedLines.Single(l => l.StartsWith("Read also: ", StringComparison.Ordinal))["Read also: ".Length..];

    public async ValueTask InitializeAsync()
    {
        var options = azurite.OptionsFor(_container, RepositoryPaths.Feeds);
        options.Title = "Example feeds";
        options.Storage.CacheControlByKind[DocumentKind.Outline] = "public, max-age=86400";
        var report = await AzuriteFixture.CreatePublisher(options, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("world/rss.xml", "application/rss+xml; charset=utf-8", "public, max-age=300")]
    [InlineData("world/atom.xml", "application/atom+xml; charset=utf-8", "public, max-age=300")]
    [InlineData("world/feed.json", "application/feed+json; charset=utf-8", "public, max-age=300")]
    [InlineData("world/index.html", "text/html; charset=utf-8", "public, max-age=300")]
    [InlineData("index.html", "text/html; charset=utf-8", "public, max-age=300")]
    [InlineData("feeds.opml", "text/x-opml; charset=utf-8", "public, max-age=86400")]
    [InlineData("json-feed-extension.html", "text/html; charset=utf-8", "public, max-age=300")]
    public async Task Document_IsServedWithItsTypeCachePolicyETagAndLastModified(string blob, string contentType, string cacheControl)
    {
        using var response = await Http.GetAsync(UrlOf(blob), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Rss_ReadByAnotherParser_MatchesTheArticle()
    {
        var feed = FeedReader.ReadFromString(await GetStringAsync("world/rss.xml"));

        Assert.Equal(FeedType.Rss_2_0, feed.Type);
        var item = feed.Items.Single(i => i.Title == SeedTitle);
        Assert.Equal("https://news.example.com/world/1-6-million-artillery-shells-north-koreas-contribution-to-russias-war-estimated/", item.Link);
        Assert.Equal(TestClock.Now.UtcDateTime, item.PublishingDate?.ToUniversalTime());
        Assert.Contains(_seedLines[4], WebUtility.HtmlDecode(item.Content), StringComparison.Ordinal);
        // The editor's link comes first; computed ones follow.
        var related = item.SpecificItem.Element.Elements(XName("link", FeedNamespaces.Atom)).First(l => (string?)l.Attribute("rel") == "related");
        Assert.Equal(SeedRelatedTitle, (string?)related.Attribute("title"));
    }

    [Fact]
    public async Task Atom_ReadByAnotherParser_MatchesTheArticle()
    {
        var feed = FeedReader.ReadFromString(await GetStringAsync("world/atom.xml"));

        Assert.Equal(FeedType.Atom, feed.Type);
        var item = feed.Items.Single(i => i.Title == SeedTitle);
        Assert.Equal("https://news.example.com/world/1-6-million-artillery-shells-north-koreas-contribution-to-russias-war-estimated/", item.Link);
        Assert.Equal(TestClock.Now.UtcDateTime, item.PublishingDate?.ToUniversalTime());
        var atom = Assert.IsType<AtomFeedItem>(item.SpecificItem);
        var related = atom.Links.First(l => l.Relation == "related");
        Assert.Equal(SeedRelatedTitle, related.Title);
        Assert.Equal("https://news.example.com/world/serbias-ammunition-ends-up-in-ukraine-through-various-countries/", related.Href);
    }

    [Fact]
    public async Task JsonFeed_ReadByAnotherParser_MatchesTheArticle()
    {
        var text = await GetStringAsync("world/feed.json");
        var feed = FeedReader.ReadFromString(text);

        Assert.Equal(FeedType.JsonFeed, feed.Type);
        var item = feed.Items.Single(i => i.Title == SeedTitle);
        Assert.Equal("https://news.example.com/world/1-6-million-artillery-shells-north-koreas-contribution-to-russias-war-estimated/", item.Link);
        Assert.Equal(TestClock.Now.UtcDateTime, item.PublishingDate?.ToUniversalTime());
        Assert.Contains(_seedLines[4], item.Content, StringComparison.Ordinal);
        var extension = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == SeedTitle).GetProperty("_syndication");
        Assert.Equal(SeedRelatedTitle, extension.GetProperty("related")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task JsonFeed_ExtensionAbout_IsThePublishedPageDocumentingIt()
    {
        var feed = JsonDocument.Parse(await GetStringAsync("world/feed.json")).RootElement;
        var abouts = feed.GetProperty("items").EnumerateArray().Where(i => i.TryGetProperty("_syndication", out _))
            .Select(i => i.GetProperty("_syndication").GetProperty("about").GetString()).Distinct().ToList();

        Assert.Equal([UrlOf("json-feed-extension.html").AbsoluteUri], abouts);
        Assert.Contains("<h1>The <code>_syndication</code> JSON Feed extension</h1>", await Http.GetStringAsync(abouts[0], TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllThreeFormats_AgreeOnEveryEntry()
    {
        var rss = FeedReader.ReadFromString(await GetStringAsync("newsroom/rss.xml"));
        var atom = FeedReader.ReadFromString(await GetStringAsync("newsroom/atom.xml"));
        var json = FeedReader.ReadFromString(await GetStringAsync("newsroom/feed.json"));

        static IEnumerable<(string, string, DateTime?)> Key(Feed feed) =>
            feed.Items.Select(i => (i.Title, i.Link, i.PublishingDate?.ToUniversalTime()));
        Assert.Equal(Key(atom), Key(rss));
        Assert.Equal(Key(atom), Key(json));
        Assert.Equal("Follow our reporting in your feed reader", Assert.Single(atom.Items).Title);
    }

    [Fact]
    public async Task FeedPage_IsFoundByAutodiscovery()
    {
        var links = FeedReader.ParseFeedUrlsFromHtml(await GetStringAsync("world/index.html")).ToList();

        Assert.Contains(links, l => l.Url == UrlOf("world/rss.xml").AbsoluteUri && l.FeedType == FeedType.Rss);
        Assert.Contains(links, l => l.Url == UrlOf("world/atom.xml").AbsoluteUri && l.FeedType == FeedType.Atom);
    }

    private static System.Xml.Linq.XName XName(string local, string ns) => System.Xml.Linq.XName.Get(local, ns);

    private Uri UrlOf(string blob) => azurite.UrlOf(_container, blob);

    private async Task<string> GetStringAsync(string blob) =>
        await Http.GetStringAsync(UrlOf(blob), TestContext.Current.CancellationToken);
}
