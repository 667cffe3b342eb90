using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Publishing;
using Syndication.Sources;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

public sealed class ArticleCopiesTests
{
    private const string Story = "Harbour strike ends\n\nDock workers went back to work.\n";
    private readonly InMemoryStorage _storage = new();
    private readonly BytesSource _source = new();
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    private ArticleCopies Copies() => new(_source, _storage, _storage, new ArticleParser(), NullLogger.Instance);

    private IArticleCopyStore Kept => _storage;

    private static Article Parsed(string fileName, string text) =>
        new ArticleParser().Parse(Path.Combine("feeds", "f", fileName), Encoding.UTF8.GetBytes(text), new List<SourceDiagnostic>());

    private static SourceDiagnostic Broken(string fileName, string feed = "f") =>
        new(DiagnosticSeverity.Error, Path.Combine("feeds", feed, fileName), 1, "malformed front matter") { Feed = feed, ArticleFile = fileName };

    private void Published(string fileName, string text)
    {
        var state = new FeedState { Created = TestClock.Now };
        state.Articles[fileName] = new ArticleState { FirstSeen = TestClock.Now, ContentHash = ArticleParser.HashOf(Encoding.UTF8.GetBytes(text)) };
        _storage.PutState("f", state);
    }

    [Fact]
    public async Task KeepAsync_ChangedArticles_KeepsTheBytesTheRunParsed()
    {
        _source.Files["f/a.txt"] = Encoding.UTF8.GetBytes(Story);

        await Copies().KeepAsync("f", [Parsed("a.txt", Story)], _cancel);

        Assert.Equal(Story, Encoding.UTF8.GetString((await Kept.LoadAsync("f", "a.txt", _cancel))!));
    }

    [Fact]
    public async Task KeepAsync_FileSavedAgainSinceTheRunParsedIt_KeepsNothingForIt()
    {
        _source.Files["f/a.txt"] = Encoding.UTF8.GetBytes(Story + "An edit saved after the read.\n");

        await Copies().KeepAsync("f", [Parsed("a.txt", Story)], _cancel);

        Assert.Empty(_storage.Copies);
    }

    [Fact]
    public async Task RecoverAsync_PublishedArticleNowBroken_AddsItsKeptCopyInFileOrder()
    {
        Published("b.txt", Story);
        await Kept.SaveAsync("f", [new("b.txt", Encoding.UTF8.GetBytes(Story))], _cancel);
        var feed = new SourceFeed(TestEntries.Definition(), [TestArticles.Create("a.txt", "A"), TestArticles.Create("c.txt", "C")]);

        var recovered = await Copies().RecoverAsync(feed, [Broken("b.txt")], log: false, _cancel);

        Assert.Equal(["a.txt", "b.txt", "c.txt"], recovered.Articles.Select(a => a.FileName));
        Assert.Equal("Harbour strike ends", recovered.Articles[1].Title);
    }

    [Fact]
    public async Task RecoverAsync_ArticleNeverPublished_StaysSkipped()
    {
        await Kept.SaveAsync("f", [new("b.txt", Encoding.UTF8.GetBytes(Story))], _cancel);
        var feed = new SourceFeed(TestEntries.Definition(), [TestArticles.Create("a.txt", "A")]);

        var recovered = await Copies().RecoverAsync(feed, [Broken("b.txt")], log: false, _cancel);

        Assert.Same(feed, recovered);
    }

    [Fact]
    public async Task RecoverAsync_ProblemInAnotherFeedOrNotInAnArticle_ChangesNothing()
    {
        Published("b.txt", Story);
        await Kept.SaveAsync("f", [new("b.txt", Encoding.UTF8.GetBytes(Story))], _cancel);
        var feed = new SourceFeed(TestEntries.Definition(), [TestArticles.Create("a.txt", "A")]);
        SourceDiagnostic[] elsewhere =
        [
            Broken("b.txt", feed: "g"),
            new(DiagnosticSeverity.Error, Path.Combine("feeds", "f", "feed.json"), null, "malformed JSON") { Feed = "f" },
            Broken("b.txt") with { Severity = DiagnosticSeverity.Warning },
        ];

        var recovered = await Copies().RecoverAsync(feed, elsewhere, log: false, _cancel);

        Assert.Same(feed, recovered);
    }

    [Fact]
    public async Task RecoverAsync_KeptCopyUnreadableToo_DropsTheArticle()
    {
        Published("b.txt", Story);
        await Kept.SaveAsync("f", [new("b.txt", new byte[] { 0, 1, 2 })], _cancel);
        var feed = new SourceFeed(TestEntries.Definition(), [TestArticles.Create("a.txt", "A")]);

        var recovered = await Copies().RecoverAsync(feed, [Broken("b.txt")], log: false, _cancel);

        Assert.Equal(["a.txt"], recovered.Articles.Select(a => a.FileName));
    }

    /// <summary>A source that only serves bytes, by <c>feed/file</c>, when they still hash as asked.</summary>
    private sealed class BytesSource : IFeedSource
    {
        public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        public string Location => "memory";

        public Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ReadOnlyMemory<byte>?> ReadBytesAsync(string feed, string fileName, string contentHash, CancellationToken cancellationToken) =>
            Task.FromResult(Files.TryGetValue($"{feed}/{fileName}", out var bytes) && ArticleParser.HashOf(bytes) == contentHash
                ? (ReadOnlyMemory<byte>?)bytes
                : null);
    }
}
