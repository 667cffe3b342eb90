using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// What a run writes when little or nothing changed: only the pages whose inputs changed, and whatever storage lost
/// or had overwritten since, even when the inputs are the same.
/// </summary>
public sealed class IncrementalPublishTests : IDisposable
{
    private const int PageSize = 5;
    private static readonly HttpClient Http = new();

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly string _feeds = Directory.CreateTempSubdirectory("syndication-incremental-").FullName;
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly AzuriteFixture _azurite;

    public IncrementalPublishTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        WriteFeed("big");
    }

    private BlobContainerClient Container => _azurite.CreateClient().GetBlobContainerClient(_container);

    private void WriteFeed(string name) =>
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_feeds, name)).FullName, "feed.json"),
            $$"""{ "title": "{{name}}", "description": "Many entries", "link": "https://example.com/{{name}}/", "language": "en", "author": { "name": "Desk" } }""");

    private void WriteArticles(int from, int to, string? readAlso = null)
    {
        for (var i = from; i <= to; i++)
        {
            var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var also = readAlso is null ? string.Empty : $"\nRead also: {readAlso}\n";
            File.WriteAllText(Path.Combine(_feeds, "big", $"{i:D3}.txt"), $"---\npublished: {published}\n---\nStory {i:D3}\n\nBody of story {i:D3}.\n{also}");
        }
    }

    private async Task<(PublishReport Report, ListLogger<FeedPublisher> Log)> PublishAsync(Action<SyndicationOptions>? configure = null)
    {
        var options = _azurite.OptionsFor(_container, _feeds);
        options.PageSize = PageSize;
        options.Related.Count = 0;
        configure?.Invoke(options);
        var log = new ListLogger<FeedPublisher>();
        var publisher = TestPublisher.Create(options, _time, log);
        return (await publisher.PublishAsync(TestContext.Current.CancellationToken), log);
    }

    private Task<byte[]> GetAsync(string blob) => Http.GetByteArrayAsync(_azurite.UrlOf(_container, blob), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Publish_NothingNew_ReadsAndWritesNothing()
    {
        WriteArticles(1, 23);
        await PublishAsync();

        _time.Advance(TimeSpan.FromHours(1));
        var (report, log) = await PublishAsync();

        Assert.Equal((0, 16, 23, 4), report.Feeds.Select(f => (f.Uploaded, f.Unchanged, f.Entries, f.Archives)).Single());
        Assert.Equal(1, log.Count(1007)); // nothing changed: no article parsed
        Assert.Equal(0, log.Count(1001) + log.Count(1006));
    }

    [Fact]
    public async Task Publish_AnotherFeedChanged_WritesNothingForThisOne()
    {
        WriteArticles(1, 23);
        WriteFeed("other");
        File.WriteAllText(Path.Combine(_feeds, "other", "001.txt"), "First\n\nBody.\n");
        await PublishAsync();

        File.WriteAllText(Path.Combine(_feeds, "other", "002.txt"), "Second\n\nBody.\n");
        var (report, log) = await PublishAsync();

        Assert.Equal((0, 16), report.Feeds.Where(f => f.Feed == "big").Select(f => (f.Uploaded, f.Unchanged)).Single());
        Assert.Equal(4, report.Feeds.Single(f => f.Feed == "other").Uploaded);
        Assert.Equal(1, log.Count(1006)); // big: every page's fingerprint matched
    }

    [Fact]
    public async Task Publish_BrokenArticleStillThere_IsReportedAgainOnEveryRun()
    {
        WriteArticles(1, 3);
        File.WriteAllText(Path.Combine(_feeds, "big", "004.txt"), "---\npublished: [broken\n---\nStory 004\n");
        await PublishAsync();

        var (report, log) = await PublishAsync();

        Assert.Contains(report.Diagnostics, d => d.File.EndsWith("004.txt", StringComparison.Ordinal));
        Assert.Equal(0, log.Count(1007));
    }

    [Fact]
    public async Task Publish_StateChangedSinceTheLastPublication_ReadsEverything()
    {
        WriteArticles(1, 3);
        await PublishAsync();
        var state = _azurite.CreateClient().GetBlobContainerClient(_container + "-state").GetBlobClient($"{_container}/big/state.json");
        var json = (await state.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content;
        await state.UploadAsync(json, overwrite: true, TestContext.Current.CancellationToken); // same bytes, new version

        var (_, log) = await PublishAsync();

        Assert.Equal(0, log.Count(1007));
        Assert.Equal(1, log.Count(1006));
    }

    [Fact]
    public async Task Publish_DocumentDeletedFromStorage_IsWrittenAgainWithTheSameBytes()
    {
        WriteArticles(1, 23);
        await PublishAsync();
        var before = await GetAsync("big/archive/2.xml");
        await Container.DeleteBlobAsync("big/archive/2.xml", cancellationToken: TestContext.Current.CancellationToken);

        var (report, _) = await PublishAsync();

        Assert.Equal(1, report.Feeds.Single().Uploaded);
        Assert.Equal(before, await GetAsync("big/archive/2.xml"));
    }

    [Fact]
    public async Task Publish_DocumentOverwrittenInStorage_IsPutBack()
    {
        WriteArticles(1, 23);
        await PublishAsync();
        var before = await GetAsync("big/rss.xml");
        await Container.GetBlobClient("big/rss.xml").UploadAsync(BinaryData.FromString("<rss/>"), overwrite: true, TestContext.Current.CancellationToken);

        var (report, _) = await PublishAsync();

        Assert.Equal(1, report.Feeds.Single().Uploaded);
        Assert.Equal(before, await GetAsync("big/rss.xml"));
    }

    [Fact]
    public async Task Publish_StrayDocumentOfTheFeed_IsDeletedEvenWhenNothingElseChanged()
    {
        WriteArticles(1, 23);
        await PublishAsync();
        await Container.GetBlobClient("big/archive/9.xml").UploadAsync(BinaryData.FromString("<feed/>"), cancellationToken: TestContext.Current.CancellationToken);

        var (report, _) = await PublishAsync();

        Assert.Equal((0, 1), report.Feeds.Select(f => (f.Uploaded, f.Deleted)).Single());
        Assert.False(await Container.GetBlobClient("big/archive/9.xml").ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_OptionThatReachesTheDocumentsChanged_RewritesEveryPage()
    {
        WriteArticles(1, 23);
        await PublishAsync();

        var (report, _) = await PublishAsync(o => o.PublicBaseUrl = new Uri("https://feeds.example.org/"));

        Assert.Equal(16, report.Feeds.Single().Uploaded);
        Assert.Contains("https://feeds.example.org/big/archive/1.xml", System.Text.Encoding.UTF8.GetString(await GetAsync("big/archive/1.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_LinkedTitleAppearsInAnotherFeed_RewritesThePageThatLinksToIt()
    {
        WriteArticles(1, 3, readAlso: "Bridge reopens after repairs");
        await PublishAsync();
        Assert.DoesNotContain("https://example.com/other/", System.Text.Encoding.UTF8.GetString(await GetAsync("big/rss.xml")), StringComparison.Ordinal);

        WriteFeed("other");
        File.WriteAllText(Path.Combine(_feeds, "other", "001.txt"), "Bridge reopens after repairs\n\nThe bridge is open again.\n");
        var (report, _) = await PublishAsync();

        Assert.Equal(4, report.Feeds.Single(f => f.Feed == "big").Uploaded);
        Assert.Contains("https://example.com/other/", System.Text.Encoding.UTF8.GetString(await GetAsync("big/rss.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BrokenArticleKeptByAnEarlierVersionAsItsOwnBlob_StaysPublished()
    {
        WriteArticles(1, 3);
        await PublishAsync();
        // The layout of earlier versions: one blob per kept file, and no archive holding it.
        var state = _azurite.CreateClient().GetBlobContainerClient(_container + "-state");
        await state.DeleteBlobAsync($"{_container}/big/sources/{ArticleCopyArchive.BucketOf("002.txt"):D2}.zip", cancellationToken: TestContext.Current.CancellationToken);
        await state.GetBlobClient($"{_container}/big/sources/002.txt")
            .UploadAsync(BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(_feeds, "big", "002.txt"))), cancellationToken: TestContext.Current.CancellationToken);

        File.WriteAllText(Path.Combine(_feeds, "big", "002.txt"), "---\npublished: [broken\n---\nStory 002\n");
        var (report, _) = await PublishAsync();

        Assert.Equal(3, report.Feeds.Single().Entries);
        Assert.Contains("Story 002", System.Text.Encoding.UTF8.GetString(await GetAsync("big/rss.xml")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_feeds, recursive: true);
}
