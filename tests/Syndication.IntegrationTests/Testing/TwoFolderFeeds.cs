using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Tests.Storage;

namespace Syndication.Tests;

/// <summary>
/// Two folder feeds that give their articles to every derived feed, europe and asia, and a container of their own in
/// Azurite to publish them to. europe starts with two articles by Ann Lee tagged Ukraine, asia with one by Bo Chen
/// tagged Energy, published an hour apart from 1 January 2026.
/// </summary>
internal sealed class TwoFolderFeeds : IDisposable
{
    private const string EveryDerivedFeed = """{ "tags": true, "authors": true, "all": true }""";

    private static readonly HttpClient Http = new();

    private readonly AzuriteFixture _azurite;

    public TwoFolderFeeds(AzuriteFixture azurite)
    {
        _azurite = azurite;
        WriteFeed("europe");
        WriteFeed("asia");
        WriteArticle("europe", "grid.md", "Grid deal signed", "Ann Lee", ["Ukraine"], hour: 1);
        WriteArticle("europe", "talks.md", "Talks resume", "Ann Lee", ["Ukraine"], hour: 2);
        WriteArticle("asia", "pipeline.md", "Pipeline opens", "Bo Chen", ["Energy"], hour: 3);
    }

    /// <summary>The name of the container the feeds are published to; their state is in its <c>-state</c> container.</summary>
    public string Container { get; } = AzuriteFixture.NewContainerName();

    /// <summary>The folder the feeds are read from.</summary>
    public TemporaryFeedsFolder Folder { get; } = new(withSamples: false);

    /// <summary>The clock of every run; it moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = TestClock.Create();

    public BlobContainerClient Public => _azurite.CreateClient().GetBlobContainerClient(Container);

    public BlobContainerClient State => _azurite.CreateClient().GetBlobContainerClient(Container + "-state");

    /// <summary>Writes the <c>feed.json</c> of folder feed <paramref name="name"/>, with its <c>derived</c> choice.</summary>
    public void WriteFeed(string name, string derived = EveryDerivedFeed) =>
        Folder.Write($"{name}/feed.json",
            $$"""{ "title": "{{name}}", "description": "News", "link": "https://news.example.com/{{name}}/", "language": "en", "author": { "name": "Desk" }, "derived": {{derived}} }""");

    /// <summary>Writes an article, published <paramref name="hour"/> hours after the start of 2026.</summary>
    public void WriteArticle(string feed, string file, string title, string author, string[] tags, int hour)
    {
        var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(hour).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Folder.Write($"{feed}/{file}",
            $"---\ntitle: {title}\nauthor: {author}\npublished: {published}\ntags: [{string.Join(", ", tags)}]\n---\nThe body of {title}.\n");
    }

    /// <summary>Publishes the feeds to <see cref="Container"/> once, with the options <paramref name="configure"/> sets.</summary>
    public async Task<PublishReport> PublishAsync(Action<SyndicationOptions>? configure = null)
    {
        var options = _azurite.OptionsFor(Container, Folder.Path);
        // Related links drawn from every feed would make one feed's documents change with another's articles.
        options.Related.Count = 0;
        configure?.Invoke(options);
        return await TestPublisher.Create(options, Time).PublishAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What went wrong in a run, for the message of a failed assertion.</summary>
    public static string Errors(PublishReport report) =>
        string.Join("\n", report.Feeds.Select(f => f.Error).Concat(report.Diagnostics.Select(d => d.ToString())));

    /// <summary>The anonymous URL of a published blob.</summary>
    public Uri UrlOf(string blob) => _azurite.UrlOf(Container, blob);

    public async Task<string> GetAsync(string blob) => await Http.GetStringAsync(UrlOf(blob), TestContext.Current.CancellationToken);

    public async Task<HttpStatusCode> StatusOfAsync(string blob)
    {
        using var response = await Http.GetAsync(UrlOf(blob), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>Each item's title and guid in the RSS document of <paramref name="feed"/>, in document order.</summary>
    public async Task<List<(string Title, string Guid)>> ItemsAsync(string feed) =>
        [.. XDocument.Parse(await GetAsync($"{feed}/rss.xml")).Descendants("item").Select(i => ((string)i.Element("title")!, (string)i.Element("guid")!))];

    /// <summary>Each item's title in the RSS document of <paramref name="feed"/>, in document order.</summary>
    public async Task<List<string>> TitlesAsync(string feed) => [.. (await ItemsAsync(feed)).Select(i => i.Title)];

    /// <summary>The ETag of every blob of <paramref name="container"/> (by default <see cref="Public"/>), by name.</summary>
    public async Task<Dictionary<string, string>> ETagsAsync(BlobContainerClient? container = null)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in (container ?? Public).GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            tags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return tags;
    }

    public void Dispose() => Folder.Dispose();
}
