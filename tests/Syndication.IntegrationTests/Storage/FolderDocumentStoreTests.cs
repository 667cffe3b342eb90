using Microsoft.Extensions.Time.Testing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Storage;

/// <summary><c>publish --out DIR</c>: exactly the documents storage would receive, in the same layout.</summary>
public sealed class FolderDocumentStoreTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-out-").FullName;

    [Fact]
    public async Task Publish_ToAFolder_WritesTheSameBytesAsStorageReceives()
    {
        var container = AzuriteFixture.NewContainerName();
        var toStorage = azurite.OptionsFor(container, RepositoryPaths.Feeds);
        toStorage.PublicBaseUrl = new Uri("https://feeds.example.org/");
        toStorage.PageSize = 1; // archives too
        var toFolder = azurite.OptionsFor(container, RepositoryPaths.Feeds);
        toFolder.PublicBaseUrl = toStorage.PublicBaseUrl;
        toFolder.PageSize = 1;
        toFolder.OutputPath = _output;
        toFolder.Storage.ConnectionString = null;

        await AzuriteFixture.CreatePublisher(toStorage, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);
        var report = await TestPublisher.Create(toFolder, TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        var client = azurite.CreateClient().GetBlobContainerClient(container);
        var blobs = await client.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).Select(b => b.Name).ToListAsync(TestContext.Current.CancellationToken);
        var files = Directory.GetFiles(_output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".syndication/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(blobs.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Contains("world/archive/1.xml", files);
        foreach (var name in blobs)
        {
            var stored = (await client.GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
            Assert.True(stored.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_output, name))), name);
        }
    }

    [Fact]
    public async Task Publish_ToAFolderAgain_WritesNothingAndKeepsTheDates()
    {
        var options = azurite.OptionsFor("unused", RepositoryPaths.Feeds);
        options.OutputPath = _output;
        options.Storage.ConnectionString = null;
        Syndication.Publishing.FeedPublisher Publisher(DateTimeOffset now) => TestPublisher.Create(options, new FakeTimeProvider(now));

        await Publisher(TestClock.Now).PublishAsync(TestContext.Current.CancellationToken);
        var before = File.ReadAllBytes(Path.Combine(_output, "world", "atom.xml"));
        var again = await Publisher(TestClock.Now.AddDays(2)).PublishAsync(TestContext.Current.CancellationToken);

        Assert.All(again.Feeds, f => Assert.Equal(0, f.Uploaded));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_output, "world", "atom.xml")));
    }

    public void Dispose() => OutputFolder.Delete(_output);
}
