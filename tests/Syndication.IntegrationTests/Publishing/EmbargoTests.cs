using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>An article dated in the future, published into a real Azurite on a fake clock across its release instant.</summary>
public sealed class EmbargoTests(AzuriteFixture azurite) : IDisposable
{
    private const string Embargoed = "North Korean shells reach Russian depots by rail";
    private const string Pointer = "Ammunition supply routes in the war";
    private static readonly DateTimeOffset Release = TestClock.Now.AddHours(1);
    private static readonly HttpClient Http = new();

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly TemporaryFeedsFolder _feeds = new();

    private Task<PublishReport> PublishAsync(Action<SyndicationOptions>? configure = null)
    {
        var options = azurite.OptionsFor(_container, _feeds.Path);
        options.Storage.MaxRetries = 0;
        configure?.Invoke(options);
        return AzuriteFixture.CreatePublisher(options, _time).PublishAsync(TestContext.Current.CancellationToken);
    }

    private void WriteArticles()
    {
        // Close in words to the seed article, so that the related articles computed for a new article would name it.
        _feeds.Write("world/010_embargoed.md", $"""
            ---
            published: {Release:yyyy-MM-ddTHH:mm:ssZ}
            ---
            # {Embargoed}

            North Korea sends artillery shells and munitions to Russia by rail, new shipping data show, for its war against Ukraine.
            """);
        _feeds.Write("world/005_pointer.txt", $"{Pointer}\n\nArtillery shells and munitions from North Korea for Russia's war against Ukraine.\n\nRead also: {Embargoed}\n");
    }

    [Fact]
    public async Task PublishAsync_AcrossTheReleaseInstant_HoldsTheArticleUntilThenAndPublishesItWithItsDate()
    {
        WriteArticles();
        var first = await PublishAsync();
        _time.Advance(Release - _time.GetUtcNow() - TimeSpan.FromSeconds(1));
        var before = await PublishAsync(); // no file changed: the run takes the shortcut

        foreach (var report in new[] { first, before })
        {
            Assert.True(report.Succeeded);
            Assert.Equal((1, (DateTimeOffset?)Release), (report.Held, report.NextRelease));
        }

        foreach (var blob in new[] { "world/rss.xml", "world/atom.xml", "world/feed.json", "world/index.html", "index.html", "feeds.opml" })
        {
            Assert.DoesNotContain(Embargoed, await GetTextAsync(blob), StringComparison.Ordinal);
        }

        var atom = await LoadAsync("world/atom.xml");
        var rss = await LoadAsync("world/rss.xml");
        Assert.True(atom.LastUpdatedTime < Release, "Atom updated comes from the visible entries");
        Assert.True(rss.LastUpdatedTime < Release, "RSS lastBuildDate comes from the visible entries");
        Assert.True(JsonDates(await GetTextAsync("world/feed.json")).All(d => d < Release), "JSON Feed dates come from the visible entries");
        Assert.Contains(atom.Items, i => i.Title.Text == Pointer);

        _time.Advance(TimeSpan.FromSeconds(2));
        var after = await PublishAsync(); // still no file changed

        Assert.Equal((0, (DateTimeOffset?)null), (after.Held, after.NextRelease));
        atom = await LoadAsync("world/atom.xml");
        var released = atom.Items.Single(i => i.Title.Text == Embargoed);
        Assert.Equal(Release, released.PublishDate);
        Assert.Equal(Release, atom.LastUpdatedTime);
        Assert.Equal(Release, (await LoadAsync("world/rss.xml")).Items.Single(i => i.Title.Text == Embargoed).PublishDate);
        Assert.Contains(JsonDates(await GetTextAsync("world/feed.json")), d => d == Release);
        var pointer = atom.Items.Single(i => i.Title.Text == Pointer);
        Assert.Contains(pointer.Links, l => l.RelationshipType == "related" && l.Title == Embargoed);
    }

    [Fact]
    public async Task PublishAsync_PublishedArticleDatedIntoTheFuture_IsHeldAgainAndCountsAsARemoval()
    {
        var story = _feeds.Write("world/002_story.md", "---\npublished: 2026-11-20T07:00:00Z\n---\n# A story\n\nBody.\n");
        await PublishAsync();

        File.WriteAllText(story, $"---\npublished: {Release:yyyy-MM-ddTHH:mm:ssZ}\n---\n# A story\n\nBody.\n");
        var refused = await PublishAsync(o => o.Deletion.MinCount = 0);

        // The three samples and the story: one of four entries is more than the guard's default share, once every removal counts.
        Assert.StartsWith("Refusing to remove 1 of the 4 entries", refused.Feeds.Single(f => f.Feed == "world").Error, StringComparison.Ordinal);
        Assert.Contains("A story", await GetTextAsync("world/atom.xml"), StringComparison.Ordinal);
    }

    public void Dispose() => _feeds.Dispose();

    private static IEnumerable<DateTimeOffset> JsonDates(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            foreach (var name in new[] { "date_published", "date_modified" })
            {
                if (item.TryGetProperty(name, out var date))
                {
                    yield return date.GetDateTimeOffset();
                }
            }
        }
    }

    private async Task<string> GetTextAsync(string blob)
    {
        using var response = await Http.GetAsync(azurite.UrlOf(_container, blob), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private async Task<SyndicationFeed> LoadAsync(string blob) =>
        SyndicationFeed.Load(XmlReader.Create(new StringReader(await GetTextAsync(blob))));
}
