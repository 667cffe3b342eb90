using System.Text.Json;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>The documents at the container's root, published into a local output folder.</summary>
public sealed class FeedListPublisherTests : IDisposable
{
    private const string PageName = "json-feed-extension.html";
    private static readonly Uri PublicBase = new("https://feeds.example.org/");
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-root-").FullName;

    [Fact]
    public async Task Publish_WritesTheExtensionPageBesideTheListOfFeeds()
    {
        await PublishAsync(Options());

        Assert.True(File.Exists(Path.Combine(_output, "index.html")));
        Assert.True(File.Exists(Path.Combine(_output, "feeds.opml")));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(_output, PageName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RecordsTheExtensionPageWithTheListOfFeeds()
    {
        await PublishAsync(Options());

        var record = await new FolderPublicationRecordStore(PrivateFolder.Of(_output, null)!).LoadAsync(".directory", TestContext.Current.CancellationToken);
        Assert.NotNull(record);
        // With the pages of the sample feeds' derived folders.
        Assert.Equal(["authors/index.html", "feeds.opml", "index.html", PageName, "tags/index.html"], record.Documents.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_NothingChangedButThePageIsGone_WritesItAgain()
    {
        await PublishAsync(Options());
        File.Delete(Path.Combine(_output, PageName));

        await PublishAsync(Options());

        Assert.True(File.Exists(Path.Combine(_output, PageName)), "a run that found nothing changed did not check the page");
    }

    [Fact]
    public async Task Publish_WithoutExtensionAbout_GivesThePublishedPageAsEveryAbout()
    {
        await PublishAsync(Options());

        var abouts = Extensions().Select(e => e.GetProperty("about").GetString()).ToList();
        Assert.NotEmpty(abouts);
        Assert.All(abouts, about => Assert.Equal("https://feeds.example.org/json-feed-extension.html", about));
    }

    [Fact]
    public async Task Publish_WithExtensionAbout_GivesItAsEveryAbout()
    {
        var options = Options();
        options.JsonFeedExtensionAbout = new Uri("https://docs.example.com/syndication/json-feed-extension.md");

        await PublishAsync(options);

        var abouts = Extensions().Select(e => e.GetProperty("about").GetString()).ToList();
        Assert.NotEmpty(abouts);
        Assert.All(abouts, about => Assert.Equal("https://docs.example.com/syndication/json-feed-extension.md", about));
    }

    [Theory]
    [InlineData("https://feeds.example.org", "https://feeds.example.org/json-feed-extension.html")]
    [InlineData("https://feeds.example.org/", "https://feeds.example.org/json-feed-extension.html")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/feeds", "http://127.0.0.1:10000/devstoreaccount1/feeds/json-feed-extension.html")]
    [InlineData("https://cdn.example.net/news/", "https://cdn.example.net/news/json-feed-extension.html")]
    public void ExtensionPageUrl_IsBesideTheListOfFeeds(string publicBase, string expected)
    {
        var url = FeedListPublisher.ExtensionPageUrl(new Uri(publicBase));

        Assert.Equal(expected, url.AbsoluteUri);
        Assert.Equal(FeedListPublisher.UrlsOf(new Uri(publicBase))[0].AbsoluteUri.Replace("index.html", "json-feed-extension.html", StringComparison.Ordinal),
            url.AbsoluteUri);
    }

    [Fact]
    public void UrlsOf_ListsThePageAndTheOpmlOnly() =>
        Assert.Equal(["https://feeds.example.org/index.html", "https://feeds.example.org/feeds.opml"],
            FeedListPublisher.UrlsOf(PublicBase).Select(u => u.AbsoluteUri));

    [Fact]
    public async Task Publish_FeedsFolderEmptiedAfterAPublication_IsRefusedAndTheListStaysAsPublished()
    {
        await PublishAsync(Options());
        var list = File.ReadAllBytes(Path.Combine(_output, "index.html"));
        foreach (var folder in Directory.GetDirectories(_feeds.Path))
        {
            Directory.Delete(folder, recursive: true); // as an unmounted share looks
        }

        var refused = await Assert.ThrowsAsync<NoFeedsFoundException>(() => TestPublisher.Create(Options(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken));

        Assert.Contains(_feeds.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Syndication:AllowNoFeeds", refused.Message, StringComparison.Ordinal);
        Assert.Equal(list, File.ReadAllBytes(Path.Combine(_output, "index.html")));
    }

    [Fact]
    public async Task Publish_NoFeedsAllowed_PublishesAnEmptyList()
    {
        foreach (var folder in Directory.GetDirectories(_feeds.Path))
        {
            Directory.Delete(folder, recursive: true);
        }

        var options = Options();
        options.AllowNoFeeds = true;
        await PublishAsync(options);

        Assert.True(File.Exists(Path.Combine(_output, "feeds.opml")));
        Assert.DoesNotContain("<outline type=\"rss\"", File.ReadAllText(Path.Combine(_output, "feeds.opml")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _feeds.Dispose();
        OutputFolder.Delete(_output);
    }

    private SyndicationOptions Options() => new() { FeedsPath = _feeds.Path, OutputPath = _output, PublicBaseUrl = PublicBase };

    private static async Task PublishAsync(SyndicationOptions options) =>
        Assert.True((await TestPublisher.Create(options, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken)).Succeeded);

    /// <summary>Every <c>_syndication</c> object of every published JSON Feed document.</summary>
    private List<JsonElement> Extensions() =>
        [.. Directory.GetFiles(_output, "*.json", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(_output, path).StartsWith('.'))
            .Select(path => JsonDocument.Parse(File.ReadAllBytes(path)).RootElement)
            .SelectMany(feed => feed.GetProperty("items").EnumerateArray().Append(feed))
            .Where(e => e.TryGetProperty("_syndication", out _))
            .Select(e => e.GetProperty("_syndication"))];
}
