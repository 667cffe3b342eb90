using Syndication.Articles;
using Syndication.Sources;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>How many times a publishing run reads each file, counted on the source's own reads.</summary>
public sealed class SourceReadCountTests(AzuriteFixture azurite)
{
    private const string Changed = "world/001_munitions-route.md";

    // What the publisher last published, by article: the copy step keeps the bytes of the others.
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);

    /// <summary>What the publisher asks of a source in a run where something changed: every step, and the bytes of every new or changed article.</summary>
    private async Task RunAsync(IFeedSource source, CancellationToken cancellationToken)
    {
        await source.FingerprintAsync(cancellationToken);
        var catalog = await source.ReadAsync(cancellationToken);
        foreach (var feed in catalog.Feeds)
        {
            var fresh = await source.ReadFeedAsync(feed.Definition.Name, new List<SourceDiagnostic>(), cancellationToken);
            foreach (var article in fresh!.Articles.Where(a => _published.GetValueOrDefault($"{feed.Definition.Name}/{a.FileName}") != a.ContentHash))
            {
                Assert.NotNull(await source.ReadBytesAsync(feed.Definition.Name, article.FileName, article.ContentHash, cancellationToken));
                _published[$"{feed.Definition.Name}/{article.FileName}"] = article.ContentHash;
            }
        }
    }

    [Theory]
    [InlineData(SourceKind.Folder)]
    [InlineData(SourceKind.Blob)]
    public async Task Run_EachChangedFileIsReadOnceAndUnchangedOnesNotAtAll(SourceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var files = await TestSource.CreateAsync(kind, azurite);
        files.Settle();
        var source = files.Create();
        string[] all = ["newsroom/2026-11-01-subscribe.md", "newsroom/feed.json", "world/000_1cfd89721070237b.txt", "world/001_munitions-route.md", "world/002_serbian-ammunition.md", "world/feed.json"];

        await RunAsync(source, ct);
        Assert.Equal(all.Select(key => (key, 1)), files.Reads.Select(read => (read.Key, read.Value)).Order());

        files.Reads.Clear();
        await files.WriteAsync(Changed, File.ReadAllText(Path.Combine(RepositoryPaths.Feeds, Changed)) + "\nOne more paragraph.\n");
        files.Settle();
        await RunAsync(source, ct);
        Assert.Equal([(Changed, 1)], files.Reads.Select(read => (read.Key, read.Value)));

        files.Reads.Clear();
        await RunAsync(source, ct);
        Assert.Empty(files.Reads);
    }

    [Fact]
    public async Task Run_FileWrittenJustBeforeTheRun_IsReadOnceMoreByTheNextRunOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var files = await TestSource.CreateAsync(SourceKind.Folder, azurite);
        files.Settle();
        var source = files.Create();
        await RunAsync(source, ct);
        await files.WriteAsync(Changed, "Changed\n\nBody.\n");
        // Its time may be its next write's too: the listing cannot tell that write apart until the time has passed.
        files.SetWriteTime(Changed, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1));

        files.Reads.Clear();
        await RunAsync(source, ct);
        var inItsRun = files.Reads.GetValueOrDefault(Changed);
        files.Reads.Clear();
        await RunAsync(source, ct);
        var atTheNextRun = files.Reads.GetValueOrDefault(Changed);
        files.SetWriteTime(Changed, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));
        files.Reads.Clear();
        await RunAsync(source, ct);

        Assert.Equal((1, 1, 1), (inItsRun, atTheNextRun, files.Reads.GetValueOrDefault(Changed)));
        Assert.Equal([Changed], files.Reads.Keys);
    }
}
