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

    public void Dispose() => _feeds.Dispose();

    private async Task<PublishReport> PublishAsync()
    {
        var report = await AzuriteFixture.CreatePublisher(azurite.OptionsFor(_container, _feeds.Path), TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
        return report;
    }
}
