using System.Diagnostics;
using Syndication.Articles;
using Syndication.Sources;

namespace Syndication.Tests.Sources;

/// <summary>
/// The folder source reads only regular files inside the feeds folder: anything else in a feed's folder is refused by
/// name, and the rest of the feed is still read.
/// </summary>
public sealed class FolderFeedSourceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("syndication-outside-").FullName;

    public void Dispose()
    {
        _feeds.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task ReadAsync_AFifoAmongTheArticles_IsRefusedByNameInsteadOfBlockingTheRead()
    {
        var fifo = Path.Combine(_feeds.Path, "world", "pipe.txt");
        await RunAsync("mkfifo", fifo);

        var catalog = await ReadAsync();

        var refused = Assert.Single(catalog.Diagnostics);
        Assert.Equal(fifo, refused.File);
        Assert.Contains("FIFO", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, catalog.Feeds.Single(f => f.Definition.Name == "world").Articles.Count); // the samples, still read
    }

    [Fact]
    public async Task ReadAsync_ALinkToAFileOutsideTheFeedsFolder_IsRefusedNamingWhereItLeads()
    {
        var secret = Path.Combine(_outside, "passwd.txt");
        await File.WriteAllTextAsync(secret, "root:x:0:0\n\nNot an article.\n", TestContext.Current.CancellationToken);
        var link = Path.Combine(_feeds.Path, "world", "passwd.txt");
        File.CreateSymbolicLink(link, secret);

        var catalog = await ReadAsync();

        var refused = Assert.Single(catalog.Diagnostics);
        Assert.Equal(link, refused.File);
        Assert.Contains($"a link to '{secret}', outside the feeds folder", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Feeds.SelectMany(f => f.Articles), a => a.Title.StartsWith("root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ALinkToADevice_IsRefusedWithoutReadingIt()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        var link = Path.Combine(_feeds.Path, "world", "zero.txt");
        File.CreateSymbolicLink(link, "/dev/zero");

        var catalog = await ReadAsync();

        var refused = Assert.Single(catalog.Diagnostics);
        Assert.Equal(link, refused.File);
        Assert.Contains("a link to '/dev/zero', outside the feeds folder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ALinkToAnArticleInsideTheFeedsFolder_IsRead()
    {
        var link = Path.Combine(_feeds.Path, "newsroom", "linked.md");
        File.CreateSymbolicLink(link, Path.Combine(_feeds.Path, "world", "001_munitions-route.md"));

        var catalog = await ReadAsync();

        Assert.Empty(catalog.Diagnostics);
        Assert.Contains(catalog.Feeds.Single(f => f.Definition.Name == "newsroom").Articles, a => a.FileName == "linked.md");
    }

    [Fact]
    public async Task ReadAsync_AFeedDefinitionThatIsAFifo_IsRefusedByName()
    {
        var definition = Path.Combine(_feeds.Path, "newsroom", "feed.json");
        File.Delete(definition);
        await RunAsync("mkfifo", definition);

        var catalog = await ReadAsync();

        var refused = Assert.Single(catalog.Diagnostics);
        Assert.Equal(definition, refused.File);
        Assert.Contains("FIFO", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["world"], catalog.Feeds.Select(f => f.Definition.Name));
    }

    private async Task<FeedCatalog> ReadAsync() =>
        await new FolderFeedSource(_feeds.Path, new ArticleParser()).ReadAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

    private static async Task RunAsync(string command, string argument)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs and their refusal are Linux's");
        using var process = Process.Start(command, [argument]);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
    }
}
