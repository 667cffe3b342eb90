using Microsoft.Extensions.Logging;
using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

/// <summary>
/// A new process trusts the stamps (length and write time) the last one remembered, and reads only files whose stamp
/// changed. The tests show it the one way a test can: a file changed behind an unchanged stamp is not noticed with the
/// memory, and is without it.
/// </summary>
public sealed class SourceMemoryKeeperTests : IDisposable
{
    private const string Article = "world/001_munitions-route.md";
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _parent = Directory.CreateTempSubdirectory("syndication-memory-").FullName;
    // Long enough ago that every stamp is settled (a write in the last 2 s may not show in the stamp).
    private readonly DateTime _written = DateTime.UtcNow.AddHours(-1);

    public SourceMemoryKeeperTests()
    {
        foreach (var file in Directory.GetFiles(_feeds.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, _written);
        }
    }

    private string Output => Path.Combine(_parent, "site");

    // The documented place: the private folder beside the output folder.
    private string Memory => Path.Combine(_parent, "site.syndication-state", "source-memory.json.gz");

    [Fact]
    public async Task NewProcess_FileChangedBehindItsRememberedStamp_IsNotRead()
    {
        await PublishAsync();

        ChangeKeepingTheStamp();
        var report = await PublishAsync();

        Assert.All(report.Feeds, f => Assert.Equal(0, f.Uploaded));
    }

    [Fact]
    public async Task NewProcess_WithoutTheMemory_ReadsTheFileChangedBehindItsStamp()
    {
        await PublishAsync();
        File.Delete(Memory);

        ChangeKeepingTheStamp();
        var report = await PublishAsync();

        Assert.Contains(report.Feeds, f => f.Feed == "world" && f.Uploaded > 0);
    }

    [Fact]
    public async Task NewProcess_FileWithANewStamp_IsReadAgain()
    {
        await PublishAsync();

        ChangeKeepingTheStamp();
        File.SetLastWriteTimeUtc(Path.Combine(_feeds.Path, Article), _written.AddMinutes(1));
        var report = await PublishAsync();

        Assert.Contains(report.Feeds, f => f.Feed == "world" && f.Uploaded > 0);
    }

    [Fact]
    public async Task NewProcess_UnreadableMemory_WarnsAndReadsEveryFile()
    {
        await PublishAsync();
        await File.WriteAllTextAsync(Memory, "not gzip", TestContext.Current.CancellationToken);
        var logger = new ListLogger<FeedPublisher>();

        ChangeKeepingTheStamp();
        var report = await PublishAsync(logger: logger);

        var warning = Assert.Single(logger.Entries, e => e.Event.Id == 1062);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(report.Feeds, f => f.Feed == "world" && f.Uploaded > 0);
    }

    [Fact]
    public async Task NewProcess_MemoryOfAnotherFeedsFolder_IsNotUsed()
    {
        await PublishAsync();
        using var copy = new TemporaryFeedsFolder();
        foreach (var file in Directory.GetFiles(copy.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, _written);
        }

        // The same files under another folder: their stamps match, but the memory is of the first folder.
        ChangeKeepingTheStamp(copy.Path);
        var logger = new ListLogger<FeedPublisher>();
        var report = await PublishAsync(o => o.FeedsPath = copy.Path, logger);

        Assert.Equal(1, logger.Count(1061));
        Assert.Contains(report.Feeds, f => f.Feed == "world" && f.Uploaded > 0);
    }

    [Fact]
    public async Task NewProcess_NothingChanged_LeavesTheMemoryAsItIs()
    {
        await PublishAsync();
        var saved = await File.ReadAllBytesAsync(Memory, TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(Memory, _written);

        await PublishAsync();

        Assert.Equal(_written, File.GetLastWriteTimeUtc(Memory));
        Assert.Equal(saved, await File.ReadAllBytesAsync(Memory, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NewProcess_WithRememberedArticles_WritesTheSameBytesAsOneThatParsesEveryFile()
    {
        var other = Path.Combine(_parent, "other");
        await PublishAsync();
        await PublishAsync(o => o.OutputPath = other);
        _feeds.Write("world/003_new.md", "---\ntitle: A new story\ntags: [Ukraine]\n---\nRussia and Ukraine, ammunition and ports.\n");
        Directory.Delete(Path.Combine(_parent, "other.syndication-state", "articles"), recursive: true);
        Directory.Delete(Path.Combine(_parent, "other.syndication-state", "related-terms"), recursive: true);
        var remembering = new ListLogger<FeedPublisher>();
        var parsing = new ListLogger<FeedPublisher>();

        await PublishAsync(logger: remembering);
        await PublishAsync(o => o.OutputPath = other, parsing);

        Assert.Equal(1, remembering.Count(1064));
        Assert.Equal(0, parsing.Count(1064));
        Assert.Equal(1, remembering.Count(1065));
        Assert.Equal(0, parsing.Count(1065));
        var indexed = Assert.Single(remembering.Entries, e => e.Event.Id == 1066).Message;
        Assert.EndsWith("reading the text of 1", indexed, StringComparison.Ordinal);
        var articles = int.Parse(indexed.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(articles > 1);
        Assert.Single(parsing.Entries, e => e.Event.Id == 1066 && e.Message.EndsWith($"reading the text of {articles}", StringComparison.Ordinal));
        Assert.Equal(DocumentsOf(other), DocumentsOf(Output));
        Assert.Contains("world/rss.xml", DocumentsOf(Output).Keys);
    }

    [Fact]
    public async Task NewProcess_ArticleChangedUnderANewStamp_IsParsedAgainNotRecalled()
    {
        await PublishAsync();

        var path = Path.Combine(_feeds.Path, Article);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Replace("# Shipping", "# Satellite", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(path, _written.AddMinutes(1));
        await PublishAsync();

        Assert.Contains("Satellite data trace", await File.ReadAllTextAsync(Path.Combine(Output, "world", "rss.xml"), TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewProcess_NewArticleInALargeFeed_RewritesOnePartOfItsMemoryAndWritesTheSameBytesAsParsing()
    {
        // 2,100 articles: past the 2,048 a feed's memory keeps in one file, so it is kept in 4 parts.
        for (var i = 0; i < 2100; i++)
        {
            _feeds.Write($"bulk/{i:D4}.md", $"---\ntitle: Story {i} about port {i % 97}\ndate: 2026-01-01T00:00:00Z\n---\nShips of line {i % 13} call at port {i % 97}.\n");
        }

        _feeds.Write("bulk/feed.json", "{\"title\": \"Bulk\", \"link\": \"https://news.example.org/bulk/\"}");
        foreach (var file in Directory.GetFiles(Path.Combine(_feeds.Path, "bulk")))
        {
            File.SetLastWriteTimeUtc(file, _written);
        }

        var other = Path.Combine(_parent, "other");
        await PublishAsync();
        await PublishAsync(o => o.OutputPath = other);
        var parts = Path.Combine(_parent, "site.syndication-state", "articles", "bulk");
        Assert.Equal(4, Directory.GetFiles(parts).Length);
        var before = Directory.GetFiles(parts).ToDictionary(f => f, File.ReadAllBytes);

        _feeds.Write("bulk/zz_new.md", "---\ntitle: A new story about port 5\ndate: 2026-02-01T00:00:00Z\n---\nShips of line 5 call at port 5.\n");
        File.SetLastWriteTimeUtc(Path.Combine(_feeds.Path, "bulk", "zz_new.md"), _written.AddMinutes(1));
        Directory.Delete(Path.Combine(_parent, "other.syndication-state", "articles"), recursive: true);
        Directory.Delete(Path.Combine(_parent, "other.syndication-state", "related-terms"), recursive: true);
        var remembering = new ListLogger<FeedPublisher>();
        await PublishAsync(logger: remembering);
        await PublishAsync(o => o.OutputPath = other);

        Assert.Single(remembering.Entries, e => e.Event.Id == 1064 && e.Message.StartsWith("Recalled 2104 articles", StringComparison.Ordinal));
        Assert.Single(remembering.Entries, e => e.Event.Id == 1066 && e.Message.EndsWith("reading the text of 1", StringComparison.Ordinal));
        var rewritten = before.Where(p => !p.Value.AsSpan().SequenceEqual(File.ReadAllBytes(p.Key))).Select(p => Path.GetFileName(p.Key)).ToList();
        Assert.Equal([$"{Syndication.Sources.ArticleMemory.PartOf("zz_new.md", 4):D2}.json.gz"], rewritten);
        Assert.Equal(DocumentsOf(other), DocumentsOf(Output));
    }

    [Fact]
    public async Task DryRun_SavesNoMemory()
    {
        await PublishAsync(o => o.DryRun = true);

        Assert.False(File.Exists(Memory));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        Directory.Delete(_parent, recursive: true);
    }

    private static SortedDictionary<string, string> DocumentsOf(string folder) => new(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    /// <summary>Changes one letter of the article's title: same length, and the write time set back to the one before.</summary>
    private void ChangeKeepingTheStamp(string? feedsPath = null)
    {
        var path = Path.Combine(feedsPath ?? _feeds.Path, Article);
        var text = File.ReadAllText(path);
        var title = text.IndexOf("\n# ", StringComparison.Ordinal) + "\n# ".Length;
        Assert.True(title > 3, "the article has a heading to change");
        var changed = string.Concat(text.AsSpan(0, title), text[title] == 'X' ? "Y" : "X", text.AsSpan(title + 1));
        File.WriteAllText(path, changed);
        Assert.Equal(new FileInfo(path).Length, System.Text.Encoding.UTF8.GetByteCount(text));
        File.SetLastWriteTimeUtc(path, _written);
    }

    /// <summary>Publishes with a publisher of its own, as a new process would.</summary>
    private async Task<PublishReport> PublishAsync(Action<SyndicationOptions>? change = null, ListLogger<FeedPublisher>? logger = null)
    {
        var options = new SyndicationOptions { FeedsPath = _feeds.Path, OutputPath = Output, PublicBaseUrl = new Uri("https://feeds.example.org/") };
        change?.Invoke(options);
        var report = await TestPublisher.Create(options, TestClock.Create(), logger).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
        return report;
    }
}
