using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary>Articles read from a blob container (the inbox several workers share) exactly as from the folder.</summary>
public sealed class BlobFeedSourceTests(AzuriteFixture azurite)
{
    private readonly string _inbox = AzuriteFixture.NewContainerName();

    private async Task<BlobContainerClient> UploadSamplesAsync()
    {
        var container = azurite.CreateClient().GetBlobContainerClient(_inbox);
        await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(RepositoryPaths.Feeds, file).Replace('\\', '/');
            await container.GetBlobClient(name).UploadAsync(file, TestContext.Current.CancellationToken);
        }

        return container;
    }

    [Fact]
    public async Task ReadAsync_SampleFeedsInAContainer_ReadsTheSameArticlesAsTheFolder()
    {
        var container = await UploadSamplesAsync();

        var fromBlobs = await new BlobFeedSource(container, new ArticleParser()).ReadAsync(TestContext.Current.CancellationToken);
        var fromFolder = new FeedFolderReader(new ArticleParser()).Read(RepositoryPaths.Feeds);

        Assert.Equal(fromFolder.Feeds.Select(f => f.Definition with { }), fromBlobs.Feeds.Select(f => f.Definition with { }));
        Assert.Equal(
            fromFolder.Feeds.SelectMany(f => f.Articles).Select(a => (a.FileName, a.Title, a.ContentHash, a.BodyHtml)),
            fromBlobs.Feeds.SelectMany(f => f.Articles).Select(a => (a.FileName, a.Title, a.ContentHash, a.BodyHtml)));
        Assert.Empty(fromBlobs.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_BadBlob_IsReportedByContainerAndNameAndTheRestIsRead()
    {
        var container = await UploadSamplesAsync();
        await container.GetBlobClient("world/bad.txt").UploadAsync(BinaryData.FromBytes([0xFF, 0x00]), TestContext.Current.CancellationToken);
        await container.GetBlobClient("world/deeper/ignored.txt").UploadAsync(BinaryData.FromString("Ignored\n\nBody"), TestContext.Current.CancellationToken);

        var catalog = await new BlobFeedSource(container, new ArticleParser()).ReadAsync(TestContext.Current.CancellationToken);

        var error = Assert.Single(catalog.Diagnostics);
        Assert.Equal($"{_inbox}/world/bad.txt", error.File);
        Assert.Equal(2, catalog.Feeds.Single(f => f.Definition.Name == "world").Articles.Count);
    }

    [Fact]
    public async Task Publish_FromTheInbox_PublishesTheFeeds()
    {
        await UploadSamplesAsync();
        var options = azurite.OptionsFor(AzuriteFixture.NewContainerName(), "/not/used");
        options.Source.Container = _inbox;

        var report = await AzuriteFixture.CreatePublisher(options, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)))
            .PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        Assert.Equal(["newsroom", "world"], report.Feeds.Select(f => f.Feed));
        Assert.Equal(2, report.Feeds.Single(f => f.Feed == "world").Entries);
    }
}
