using Syndication.Tests.Storage;

namespace Syndication.Tests.Readers;

/// <summary>The repository's sample feeds, with the seed article, published once to their own container in Azurite.</summary>
public sealed class SampleFeedsFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _container = AzuriteFixture.NewContainerName();

    /// <summary>The seed article's feed.</summary>
    public const string SeedFeedName = "world";

    /// <summary>The site's page the seed's feed names as its <c>link</c> (<c>feeds/world/feed.json</c>).</summary>
    public const string SeedFeedLink = "https://news.example.com/world/";

    /// <summary>The anonymous URL of one of the seed feed's documents (<c>rss.xml</c>, <c>atom.xml</c>, <c>feed.json</c>).</summary>
    public Uri UrlOf(string document) => azurite.UrlOf(_container, $"{SeedFeedName}/{document}");

    /// <summary>The anonymous URL of a document of any published feed, folder or derived (<c>tags/ukraine</c>, <c>all</c>).</summary>
    public Uri UrlOf(string feed, string document) => azurite.UrlOf(_container, $"{feed}/{document}");

    /// <summary>The tagged sample article's title (its Markdown heading) and its first tag, as the editor wrote them.</summary>
    public static (string Title, string Tag) TaggedArticle { get; } = (
        File.ReadLines(Path.Combine(RepositoryPaths.Feeds, SeedFeedName, "001_munitions-route.md")).First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim(),
        File.ReadLines(Path.Combine(RepositoryPaths.Feeds, SeedFeedName, "001_munitions-route.md")).First(l => l.StartsWith("tags:", StringComparison.Ordinal))
            .Split('[', ']', ',')[1].Trim());

    /// <summary>The title of the seed article's "Read also:" line, read from the file as the editor wrote it.</summary>
    public static string SeedReadAlsoTitle { get; } = File.ReadLines(RepositoryPaths.SeedArticle)
        .Single(line => line.StartsWith("Read also:", StringComparison.Ordinal))["Read also:".Length..].Trim();

    /// <summary>The seed article's title: the file's first line.</summary>
    public static string SeedTitle { get; } = File.ReadLines(RepositoryPaths.SeedArticle).First().Trim();

    public async ValueTask InitializeAsync()
    {
        var report = await AzuriteFixture.CreatePublisher(azurite.OptionsFor(_container, RepositoryPaths.Feeds), TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
