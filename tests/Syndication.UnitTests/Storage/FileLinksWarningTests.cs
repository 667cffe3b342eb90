using Microsoft.Extensions.Logging;
using Syndication.Publishing;

namespace Syndication.Tests.Storage;

/// <summary>Without a public base URL, <c>publish --out</c> links its documents to file:// URLs: the run says so once.</summary>
public sealed class FileLinksWarningTests : IDisposable
{
    private const int FileLinksEvent = 1051;
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _parent = Directory.CreateTempSubdirectory("syndication-links-").FullName;

    [Fact]
    public async Task Publish_ToAFolderWithoutPublicBaseUrl_WarnsOnceNamingTheSetting()
    {
        var logger = new ListLogger<FeedPublisher>();

        await PublishAsync(publicBaseUrl: null, logger);

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(FileLinksEvent, warning.Event.Id);
        Assert.Contains("file://", warning.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(Path.Combine(_parent, "site")).AbsoluteUri, warning.Message, StringComparison.Ordinal);
        Assert.Contains("--public-base-url", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Syndication:PublicBaseUrl", warning.Message, StringComparison.Ordinal);
        // What the warning is about: the documents do link to the folder.
        Assert.Contains("file:///", File.ReadAllText(Path.Combine(_parent, "site", "feeds.opml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ToAFolderWithPublicBaseUrl_DoesNotWarn()
    {
        var logger = new ListLogger<FeedPublisher>();

        await PublishAsync(new Uri("https://feeds.example.org/"), logger);

        Assert.Equal(0, logger.Count(FileLinksEvent));
        Assert.DoesNotContain("file://", File.ReadAllText(Path.Combine(_parent, "site", "feeds.opml")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _feeds.Dispose();
        Directory.Delete(_parent, recursive: true);
    }

    private async Task PublishAsync(Uri? publicBaseUrl, ListLogger<FeedPublisher> logger)
    {
        var options = new SyndicationOptions { FeedsPath = _feeds.Path, OutputPath = Path.Combine(_parent, "site"), PublicBaseUrl = publicBaseUrl };
        var report = await TestPublisher.Create(options, TestClock.Create(), logger).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
    }
}
