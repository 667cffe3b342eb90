using System.Globalization;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>Publishing only the feeds named (<c>--feed</c>): the others keep every blob and their leases.</summary>
public sealed class OnlyFeedsTests : IDisposable
{
    private static readonly HttpClient Http = new();

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly TemporaryFeedsFolder _feeds = new(withSamples: false);
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly AzuriteFixture _azurite;

    public OnlyFeedsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        WriteFeed("europe");
        WriteFeed("asia");
        WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", "Ukraine", hour: 1);
        WriteArticle("europe", "talks.md", "Talks resume", "Ann Lee", "Ukraine", hour: 2);
        WriteArticle("asia", "pipeline.md", "Pipeline opens", "Bo Chen", "Energy", hour: 3);
    }

    public void Dispose() => _feeds.Dispose();

    private BlobContainerClient Public => _azurite.CreateClient().GetBlobContainerClient(_container);

    private BlobContainerClient State => _azurite.CreateClient().GetBlobContainerClient(_container + "-state");

    private void WriteFeed(string name) =>
        _feeds.Write($"{name}/feed.json",
            $$"""{ "title": "{{name}}", "description": "News", "link": "https://news.example.com/{{name}}/", "language": "en", "author": { "name": "Desk" }, "derived": { "tags": true, "authors": true, "all": true } }""");

    private void WriteArticle(string feed, string file, string title, string author, string tag, int hour)
    {
        var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(hour).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        _feeds.Write($"{feed}/{file}", $"---\ntitle: {title}\nauthor: {author}\npublished: {published}\ntags: [{tag}]\n---\nThe body of {title}.\n");
    }

    private async Task<PublishReport> PublishAsync(params string[] only)
    {
        var options = _azurite.OptionsFor(_container, _feeds.Path);
        options.Related.Count = 0;
        options.LeaseWait = TimeSpan.FromMinutes(1);
        foreach (var name in only)
        {
            options.OnlyFeeds.Add(name);
        }

        return await TestPublisher.Create(options, _time).PublishAsync(TestContext.Current.CancellationToken);
    }

    private static string Errors(PublishReport report) => string.Join("\n", report.Feeds.Select(f => f.Error).Concat(report.Diagnostics.Select(d => d.ToString())));

    private async Task<Dictionary<string, string>> ETagsAsync(BlobContainerClient container)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            tags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return tags;
    }

    private async Task<List<string>> TitlesAsync(string feed) =>
        [.. XDocument.Parse(await Http.GetStringAsync(_azurite.UrlOf(_container, $"{feed}/rss.xml"), TestContext.Current.CancellationToken))
            .Descendants("item").Select(i => (string)i.Element("title")!)];

    [Fact]
    public async Task Publish_OneFolderFeedNamed_ChangesOnlyItsBlobsAndLeavesTheOthersLeaseAlone()
    {
        await PublishAsync();
        _time.Advance(TimeSpan.FromHours(1));
        // Tags and authors already published: a new one would add a derived feed, and so change the list of all feeds.
        WriteArticle("asia", "trade.md", "Trade route reopens", "Bo Chen", "Energy", hour: 4);
        WriteArticle("europe", "power.md", "Power restored", "Ann Lee", "Ukraine", hour: 5);
        var before = await ETagsAsync(Public);
        // Held as another worker would: a run that touched europe would wait a minute for it, then fail.
        await using var europeLease = await FeedLease.TryAcquireAsync(State, _container, "europe", TestContext.Current.CancellationToken);
        Assert.NotNull(europeLease);

        var report = await PublishAsync("asia");

        Assert.True(report.Succeeded, Errors(report));
        Assert.Equal(["asia"], report.Feeds.Select(f => f.Feed));
        var after = await ETagsAsync(Public);
        var changed = after.Keys.Where(name => !before.TryGetValue(name, out var etag) || etag != after[name]).ToList();
        Assert.Contains("asia/rss.xml", changed);
        Assert.All(changed, name => Assert.StartsWith("asia/", name, StringComparison.Ordinal));
        Assert.Equal(["Trade route reopens", "Pipeline opens"], await TitlesAsync("asia"));
    }

    [Fact]
    public async Task Publish_FullRunAfterOneFeedNamed_PublishesTheFeedsLeftAlone()
    {
        await PublishAsync();
        _time.Advance(TimeSpan.FromHours(1));
        WriteArticle("europe", "power.md", "Power restored", "Ann Lee", "Ukraine", hour: 5);
        await PublishAsync("asia");

        var report = await PublishAsync();

        Assert.True(report.Succeeded, Errors(report));
        Assert.Equal(["Power restored", "Talks resume", "Grid deal signed"], await TitlesAsync("europe"));
        Assert.Equal(["Power restored", "Talks resume", "Grid deal signed"], await TitlesAsync("tags/ukraine"));
    }

    [Fact]
    public async Task Publish_DerivedFeedNamedAlone_IsBuiltFromItsFolderFeedAsLastPublishedWithoutWritingIt()
    {
        Assert.True((await PublishAsync("europe")).Succeeded);
        WriteArticle("europe", "power.md", "Power restored", "Ann Lee", "Ukraine", hour: 5);
        var publicBefore = await ETagsAsync(Public);
        var stateBefore = await ETagsAsync(State);

        var report = await PublishAsync("tags/ukraine");

        Assert.True(report.Succeeded, Errors(report));
        Assert.Equal(["tags/ukraine"], report.Feeds.Select(f => f.Feed));
        // The new article is not published in europe yet, so the tag feed holds europe's published articles only.
        Assert.Equal(["Talks resume", "Grid deal signed"], await TitlesAsync("tags/ukraine"));
        var publicAfter = await ETagsAsync(Public);
        Assert.All(publicBefore, blob => Assert.Equal(blob.Value, publicAfter[blob.Key]));
        Assert.All(publicAfter.Keys.Where(name => !publicBefore.ContainsKey(name)), name => Assert.StartsWith("tags/ukraine/", name, StringComparison.Ordinal));
        var stateAfter = await ETagsAsync(State);
        Assert.Equal(stateBefore[$"{_container}/europe/state.json"], stateAfter[$"{_container}/europe/state.json"]);
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

        Assert.Empty(await ETagsAsync(Public));
    }
}
