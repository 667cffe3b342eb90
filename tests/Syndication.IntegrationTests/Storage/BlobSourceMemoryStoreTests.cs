using Syndication.Publishing;

namespace Syndication.Tests.Storage;

/// <summary>Publishing to storage keeps the source memory in the private container, where a new process finds it.</summary>
public sealed class BlobSourceMemoryStoreTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly DateTime _written = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public async Task Publish_ToStorage_KeepsTheMemoryInThePrivateContainerForTheNextProcess()
    {
        foreach (var file in Directory.GetFiles(_feeds.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, _written);
        }

        await PublishAsync();
        var state = azurite.CreateClient().GetBlobContainerClient(_container + "-state");
        Assert.True(await state.GetBlobClient($"{_container}/.source-memory.json.gz").ExistsAsync(TestContext.Current.CancellationToken));

        // One letter of the heading changed, same length, same write time: only a remembered stamp hides it.
        var path = Path.Combine(_feeds.Path, "world", "001_munitions-route.md");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, text.Replace("# Shipping", "# Xhipping", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(path, _written);
        var hidden = await PublishAsync();
        await state.DeleteBlobAsync($"{_container}/.source-memory.json.gz", cancellationToken: TestContext.Current.CancellationToken);
        var seen = await PublishAsync();

        Assert.All(hidden.Feeds, f => Assert.Equal(0, f.Uploaded));
        Assert.Contains(seen.Feeds, f => f.Feed == "world" && f.Uploaded > 0);
    }

    [Fact]
    public async Task Publish_FromAnInbox_NewProcessTakesTheArticlesFromTheMemoryAndWritesTheSameBytes()
    {
        var inbox = azurite.CreateClient().GetBlobContainerClient(AzuriteFixture.NewContainerName());
        await inbox.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories))
        {
            await inbox.GetBlobClient(Path.GetRelativePath(RepositoryPaths.Feeds, file).Replace('\\', '/')).UploadAsync(file, TestContext.Current.CancellationToken);
        }

        var (remembering, parsing) = (AzuriteFixture.NewContainerName(), AzuriteFixture.NewContainerName());
        await PublishFromAsync(inbox.Name, remembering);
        await PublishFromAsync(inbox.Name, parsing);
        await inbox.GetBlobClient("world/003_new.md").UploadAsync(
            BinaryData.FromString("---\ntitle: A new story\ntags: [Ukraine]\n---\nRussia and Ukraine, ammunition and ports.\n"), TestContext.Current.CancellationToken);
        await azurite.CreateClient().GetBlobContainerClient(parsing + "-state").DeleteBlobAsync($"{parsing}/world/articles.json.gz",
            cancellationToken: TestContext.Current.CancellationToken);
        var parsingState = azurite.CreateClient().GetBlobContainerClient(parsing + "-state");
        var terms = parsingState.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{parsing}/.related-terms/", TestContext.Current.CancellationToken);
        var deleted = 0;
        await foreach (var blob in terms)
        {
            await parsingState.DeleteBlobAsync(blob.Name, cancellationToken: TestContext.Current.CancellationToken);
            deleted++;
        }

        Assert.True(deleted > 0);
        var rememberingLog = new ListLogger<FeedPublisher>();
        var parsingLog = new ListLogger<FeedPublisher>();

        await PublishFromAsync(inbox.Name, remembering, rememberingLog);
        await PublishFromAsync(inbox.Name, parsing, parsingLog);

        Assert.Single(rememberingLog.Entries, e => e.Event.Id == 1064 && e.Message.StartsWith("Recalled 4 articles of 2 feeds", StringComparison.Ordinal));
        Assert.Single(parsingLog.Entries, e => e.Event.Id == 1064 && e.Message.StartsWith("Recalled 1 articles of 1 feeds", StringComparison.Ordinal));
        Assert.Single(rememberingLog.Entries, e => e.Event.Id == 1066 && e.Message.EndsWith("reading the text of 1", StringComparison.Ordinal));
        Assert.Single(parsingLog.Entries, e => e.Event.Id == 1066 && e.Message.EndsWith("reading the text of 5", StringComparison.Ordinal));
        var documents = await DocumentsAsync(remembering);
        Assert.Contains("world/rss.xml", documents.Keys);
        Assert.Equal(documents, await DocumentsAsync(parsing));
    }

    public void Dispose() => _feeds.Dispose();

    private async Task PublishFromAsync(string inbox, string container, ListLogger<FeedPublisher>? logger = null)
    {
        var options = azurite.OptionsFor(container, "/not/used");
        options.Source.Container = inbox;
        options.PublicBaseUrl = new Uri("https://feeds.example.org/");
        var report = await TestPublisher.Create(options, TestClock.Create(), logger).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
    }

    private async Task<SortedDictionary<string, string>> DocumentsAsync(string container)
    {
        var client = azurite.CreateClient().GetBlobContainerClient(container);
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in client.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken);
            documents[blob.Name] = Convert.ToBase64String(content.Value.Content.ToArray());
        }

        return documents;
    }

    private async Task<PublishReport> PublishAsync()
    {
        var report = await AzuriteFixture.CreatePublisher(azurite.OptionsFor(_container, _feeds.Path), TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
        return report;
    }
}
