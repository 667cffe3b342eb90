using System.Globalization;
using System.Xml.Linq;
using Syndication.Feeds;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// Four workers, each with its own clients, publish the same feed at the same time against Azurite while new
/// articles keep arriving. Afterwards every article is in the feed or its archives exactly once, in order, and the
/// state is intact.
/// </summary>
public sealed class ConcurrentPublishersTests(AzuriteFixture azurite) : IDisposable
{
    private const int Articles = 40;
    private static readonly HttpClient Http = new();
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly DateTimeOffset First = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly string _feeds = Directory.CreateTempSubdirectory("syndication-concurrent-").FullName;

    [Fact]
    public async Task FourWorkers_WhileArticlesArrive_PublishEveryArticleExactlyOnceInOrder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_feeds, "live")).FullName;
        File.WriteAllText(Path.Combine(folder, "feed.json"),
            """{ "title": "Live", "description": "Breaking", "link": "https://example.com/live/", "language": "en", "author": { "name": "Desk" } }""");
        using var arriving = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= Articles; i++)
            {
                // Written under a draft name and renamed, as an editor's tool saves: readers never see half a file.
                var published = First.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var draft = Path.Combine(folder, $"_{i:D3}.txt");
                await File.WriteAllTextAsync(draft, $"---\npublished: {published}\n---\nStory {i:D3}\n\nWhat happened, part {i}.\n");
                File.Move(draft, Path.Combine(folder, $"{i:D3}.txt"));
                await Task.Delay(40);
            }

            await arriving.CancelAsync();
        }, TestContext.Current.CancellationToken);

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var options = azurite.OptionsFor(_container, _feeds);
            options.PageSize = 5;
            var publisher = AzuriteFixture.CreatePublisher(options, TimeProvider.System);
            var passes = 0;
            while (!arriving.IsCancellationRequested)
            {
                var report = await publisher.PublishAsync(TestContext.Current.CancellationToken);
                Assert.True(report.Feeds.All(f => f.Succeeded), string.Join("; ", report.Feeds.Select(f => f.Error)));
                passes++;
            }

            await publisher.PublishAsync(TestContext.Current.CancellationToken); // one more pass once every article is there
            return passes + 1;
        }, TestContext.Current.CancellationToken)).ToList();

        await writer;
        var passes = await Task.WhenAll(workers);
        Assert.All(passes, p => Assert.True(p >= 2, "each worker published while articles arrived"));

        var entries = await WalkAsync("live/atom.xml");
        Assert.Equal(Enumerable.Range(1, Articles).Reverse().Select(i => $"Story {i:D3}"), entries.Select(e => e.Title));
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());

        var state = FeedState.FromJson((await azurite.CreateClient().GetBlobContainerClient(_container + "-state")
            .GetBlobClient($"{_container}/live/state.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToMemory().Span);
        Assert.Equal(Enumerable.Range(1, Articles).Select(i => $"{i:D3}.txt"), state.Articles.Keys);
        Assert.All(state.Articles.Values, a => Assert.False(a.Removed));
    }

    public void Dispose() => Directory.Delete(_feeds, recursive: true);

    private async Task<List<(string Title, string Id)>> WalkAsync(string start)
    {
        var entries = new List<(string Title, string Id)>();
        for (Uri? url = azurite.UrlOf(_container, start); url is not null;)
        {
            var feed = XDocument.Parse(await Http.GetStringAsync(url, TestContext.Current.CancellationToken)).Root!;
            entries.AddRange(feed.Elements(Atom + "entry").Select(e => (e.Element(Atom + "title")!.Value, e.Element(Atom + "id")!.Value)));
            var previous = feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "prev-archive")?.Attribute("href")?.Value;
            url = previous is null ? null : new Uri(previous);
        }

        return entries;
    }
}
