using System.Text.Json;
using System.Xml.Linq;
using Syndication.Publishing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>WebSub against a test hub on loopback that records every notification.</summary>
public sealed class WebSubTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TestHub _hub = new();
    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly TemporaryFeedsFolder _feeds = new();

    private Task<PublishReport> PublishAsync(int failuresFirst = 0)
    {
        _hub.FailuresLeft = failuresFirst;
        var options = azurite.OptionsFor(_container, _feeds.Path);
        options.WebSub.Hub = _hub.Url;
        options.WebSub.RetryDelay = TimeSpan.FromMilliseconds(10);
        return AzuriteFixture.CreatePublisher(options, TimeProvider.System).PublishAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Publish_WithAHub_AnnouncesItInEverySubscriptionDocument()
    {
        await PublishAsync();
        var client = azurite.CreateClient().GetBlobContainerClient(_container);

        var atom = XDocument.Parse((await client.GetBlobClient("world/atom.xml").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());
        var rss = XDocument.Parse((await client.GetBlobClient("world/rss.xml").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());
        var json = JsonDocument.Parse((await client.GetBlobClient("world/feed.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());

        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(_hub.Url.AbsoluteUri, atom.Root!.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "hub").Attribute("href")!.Value);
        Assert.Equal(_hub.Url.AbsoluteUri, rss.Root!.Element("channel")!.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "hub").Attribute("href")!.Value);
        Assert.Equal(_hub.Url.AbsoluteUri, json.RootElement.GetProperty("hubs")[0].GetProperty("url").GetString());
        Assert.Equal("WebSub", json.RootElement.GetProperty("hubs")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Publish_ChangedFeeds_NotifyTheHubOncePerFeedWithEveryDocument()
    {
        var report = await PublishAsync();

        var calls = _hub.Calls.Where(c => c.Succeeded).ToList();
        // One per feed, folder and derived: each call names the feed's own documents.
        Assert.Equal(report.Feeds.Select(f => f.Urls[0].AbsoluteUri).Order(StringComparer.Ordinal), calls.Select(c => c.Urls[0]).Order(StringComparer.Ordinal));
        var world = calls.Single(c => c.Urls.Any(u => u.Contains("/world/", StringComparison.Ordinal)));
        Assert.Equal("publish", world.Mode);
        Assert.Equal(["rss.xml", "atom.xml", "feed.json"], world.Urls.Select(u => u[(u.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task Publish_NothingChanged_NotifiesNobody()
    {
        await PublishAsync();
        _hub.Calls.Clear();

        await PublishAsync();

        Assert.Empty(_hub.Calls);
    }

    [Fact]
    public async Task Publish_HubFailingAtFirst_IsRetriedWithBackoffAndPublishingSucceeds()
    {
        var report = await PublishAsync(failuresFirst: 2);

        Assert.True(report.Succeeded);
        Assert.Equal(2, _hub.Calls.Count(c => !c.Succeeded));
        Assert.Equal(report.Feeds.Count, _hub.Calls.Count(c => c.Succeeded));
    }

    [Fact]
    public async Task Publish_HubDown_StillPublishes()
    {
        _hub.Dispose();

        var report = await PublishAsync();

        Assert.True(report.Succeeded);
    }

    public void Dispose()
    {
        _hub.Dispose();
        _feeds.Dispose();
    }
}
