using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>End to end: the sample feeds published into a real Azurite, read back over anonymous HTTP.</summary>
public sealed class FeedPublisherTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly HttpClient Http = new();

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly TemporaryFeedsFolder _feeds = new();

    private FeedPublisher CreatePublisher(Action<SyndicationOptions>? configure = null, TimeProvider? time = null)
    {
        var options = azurite.OptionsFor(_container, _feeds.Path);
        options.Storage.MaxRetries = 0;
        configure?.Invoke(options);
        return AzuriteFixture.CreatePublisher(options, time ?? _time);
    }

    private Uri UrlOf(string blob) => azurite.UrlOf(_container, blob);

    [Fact]
    public async Task PublishAsync_SampleFeeds_ServesRssAnonymouslyWithTheSeedArticle()
    {
        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        Assert.Contains(UrlOf("world/rss.xml"), report.Feeds.Single(f => f.Feed == "world").Urls);
        using var response = await Http.GetAsync(UrlOf("world/rss.xml"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var feed = SyndicationFeed.Load(XmlReader.Create(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)));
        var item = feed.Items.Single(i => i.Title.Text == "1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated");
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", item.Links.First(l => l.RelationshipType == "related").Title);
    }

    [Fact]
    public async Task PublishAsync_SampleFeeds_ServesAtomAnonymouslyWithItsContentType()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        using var response = await Http.GetAsync(UrlOf("world/atom.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var feed = SyndicationFeed.Load(XmlReader.Create(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)));
        Assert.Contains(feed.Items, i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_Published_AnswersAConditionalGetWithTheETagWith304()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        using var first = await Http.GetAsync(UrlOf("world/rss.xml"), TestContext.Current.CancellationToken);
        Assert.NotNull(first.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, UrlOf("world/rss.xml"));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var second = await Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task PublishAsync_AgainDaysLater_UploadsNothingAndKeepsBytesAndETag()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var (bytes, etag) = await GetAsync("world/rss.xml");

        _time.Advance(TimeSpan.FromDays(3));
        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        var world = report.Feeds.Single(f => f.Feed == "world");
        Assert.Equal(0, world.Uploaded);
        Assert.Equal(4, world.Unchanged);
        var (bytesAfter, etagAfter) = await GetAsync("world/rss.xml");
        Assert.Equal(bytes, bytesAfter);
        Assert.Equal(etag, etagAfter);
    }

    [Fact]
    public async Task PublishAsync_FromAnotherMachineLater_KeepsTheFirstPublishedDate()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var (bytes, _) = await GetAsync("world/atom.xml");

        // Another machine: its own copy of the articles, its own clients, its own clock a week later.
        using var otherFeeds = new TemporaryFeedsFolder();
        var later = new FakeTimeProvider(_time.GetUtcNow().AddDays(7));
        await CreatePublisher(o => o.FeedsPath = otherFeeds.Path, later).PublishAsync(TestContext.Current.CancellationToken);

        var (bytesAfter, _) = await GetAsync("world/atom.xml");
        Assert.Equal(bytes, bytesAfter);
        Assert.Contains("<published>2026-11-20T08:00:00Z</published>", System.Text.Encoding.UTF8.GetString(bytesAfter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_EditedArticle_KeepsPublishedAndMovesUpdated()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromHours(2));
        File.AppendAllText(Path.Combine(_feeds.Path, "world", "000_1cfd89721070237b.txt"), "\n\nA correction was added.");
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        var feed = await LoadAsync("world/atom.xml");
        var item = feed.Items.Single(i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
        Assert.Equal(TestClock.Now, item.PublishDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), item.LastUpdatedTime);
        Assert.Equal(item.LastUpdatedTime, feed.LastUpdatedTime);
    }

    [Fact]
    public async Task PublishAsync_NewArticle_AppearsNewestFirst()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(10));
        _feeds.Write("world/001_new.txt", "A newer story\n\nIts first paragraph.\n");
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        var feed = await LoadAsync("world/rss.xml");
        Assert.Equal("A newer story", feed.Items.First().Title.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 10, 0, TimeSpan.Zero), feed.Items.First().PublishDate);
    }

    [Fact]
    public async Task PublishAsync_NewRelatedArticle_ReuploadsOnlyTheFeedsWhoseBytesChanged()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var (seedBefore, _) = await GetAsync("world/rss.xml");

        _time.Advance(TimeSpan.FromMinutes(10));
        _feeds.Write("world/002_followup.txt", "North Korea sends more artillery shells to Russia\n\nNew shipping data show North Korean artillery shells and munitions moving from Far East ports to Russian depots near Ukraine.\n");
        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Feeds.Single(f => f.Feed == "world").Uploaded);
        Assert.Equal((0, 4), report.Feeds.Where(f => f.Feed == "newsroom").Select(f => (f.Uploaded, f.Unchanged)).Single());
        var feed = await LoadAsync("world/atom.xml");
        var followUp = feed.Items.Single(i => i.Title.Text == "North Korea sends more artillery shells to Russia");
        Assert.Contains(followUp.Links, l => l.RelationshipType == "related" && l.Title.StartsWith("1,6 million", StringComparison.Ordinal));
        Assert.NotEqual(seedBefore, (await GetAsync("world/rss.xml")).Bytes);
    }

    [Fact]
    public async Task PublishAsync_NewerRelatedArticle_LeavesThePublishedEntriesAsTheyWere()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var seedBefore = (await LoadAsync("world/atom.xml")).Items.Single(i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromMinutes(10));
        _feeds.Write("world/002_followup.txt", "North Korea sends more artillery shells to Russia\n\nNew shipping data show North Korean artillery shells and munitions moving from Far East ports to Russian depots near Ukraine.\n");
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        // Related links are computed when an article is first published and kept: archived pages never change.
        var seedAfter = (await LoadAsync("world/atom.xml")).Items.Single(i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
        Assert.Equal(seedBefore.Links.Select(l => (l.RelationshipType, l.Uri)), seedAfter.Links.Select(l => (l.RelationshipType, l.Uri)));
    }

    [Fact]
    public async Task PublishAsync_BadArticle_IsReportedByFileAndTheRestPublishes()
    {
        var bad = _feeds.Write("world/002_broken.txt", [0x54, 0x69, 0x00, 0xFF, 0xFE]);

        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Syndication.Articles.DiagnosticSeverity.Error);
        Assert.Equal(bad, error.File);
        Assert.True(report.Feeds.Single(f => f.Feed == "world").Succeeded);
        var feed = await LoadAsync("world/rss.xml");
        Assert.Contains(feed.Items, i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_PublishedArticleBreaksLater_KeepsItsLastGoodVersion()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var (before, _) = await GetAsync("world/atom.xml");

        var seed = Path.Combine(_feeds.Path, "world", "000_1cfd89721070237b.txt");
        File.WriteAllBytes(seed, [0x54, 0xC3, 0x28, 0x0A]); // a save gone wrong: not UTF-8
        _time.Advance(TimeSpan.FromHours(1));
        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.Contains(report.Diagnostics, d => d.File == seed && d.Severity == Syndication.Articles.DiagnosticSeverity.Error);
        var world = report.Feeds.Single(f => f.Feed == "world");
        Assert.Equal((0, 3), (world.Uploaded, world.Entries)); // the three world samples, the seed as last published
        Assert.Equal(before, (await GetAsync("world/atom.xml")).Bytes);
    }

    [Fact]
    public async Task PublishAsync_UnpublishedArticleBroken_IsSimplySkipped()
    {
        var broken = _feeds.Write("world/009_never_good.txt", [0x00, 0x01]);

        var report = await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);

        Assert.Contains(report.Diagnostics, d => d.File == broken);
        Assert.Equal(3, report.Feeds.Single(f => f.Feed == "world").Entries); // the three world samples
    }

    [Fact]
    public async Task PublishAsync_State_IsNotReadableAnonymously()
    {
        await CreatePublisher().PublishAsync(TestContext.Current.CancellationToken);
        var stateBlob = azurite.CreateClient().GetBlobContainerClient(_container + "-state").GetBlobClient($"{_container}/world/state.json");
        Assert.True(await stateBlob.ExistsAsync(TestContext.Current.CancellationToken));

        using var response = await Http.GetAsync(stateBlob.Uri, TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task PublishAsync_PublicAccessNone_RefusesAnonymousReads()
    {
        var report = await CreatePublisher(o => o.Storage.PublicAccess = PublicAccess.None).PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        using var response = await Http.GetAsync(UrlOf("world/rss.xml"), TestContext.Current.CancellationToken);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task PublishAsync_PublicBaseUrl_IsUsedForSelfLinks()
    {
        var report = await CreatePublisher(o => o.PublicBaseUrl = new Uri("https://cdn.example.net/feeds/")).PublishAsync(TestContext.Current.CancellationToken);

        Assert.Contains(new Uri("https://cdn.example.net/feeds/world/rss.xml"), report.Feeds.Single(f => f.Feed == "world").Urls);
        var feed = await LoadAsync("world/atom.xml");
        Assert.Equal(new Uri("https://cdn.example.net/feeds/world/atom.xml"), feed.Links.Single(l => l.RelationshipType == "self").Uri);
    }

    [Fact]
    public async Task PublishAsync_StorageUnreachable_Throws()
    {
        var publisher = CreatePublisher(o => o.Storage.ConnectionString =
            AzuriteFixture.UnreachableConnectionString);

        var failure = await Assert.ThrowsAsync<Syndication.Storage.StorageException>(() => publisher.PublishAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, failure.Status);
        // The account's endpoint, as the unreachable connection string gives it.
        Assert.StartsWith("Storage at http://127.0.0.1:9/devstoreaccount1 could not be reached", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _feeds.Dispose();

    private async Task<(byte[] Bytes, EntityTagHeaderValue? ETag)> GetAsync(string blob)
    {
        using var response = await Http.GetAsync(UrlOf(blob), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response.Headers.ETag);
    }

    private async Task<SyndicationFeed> LoadAsync(string blob)
    {
        var (bytes, _) = await GetAsync(blob);
        return SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
    }
}
