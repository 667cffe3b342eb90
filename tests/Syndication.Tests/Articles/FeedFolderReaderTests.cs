using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class FeedFolderReaderTests : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly FeedFolderReader _reader = new(new ArticleParser());

    [Fact]
    public void Read_ReadsEveryFeedInNameOrderWithItsArticlesInFileOrder()
    {
        var catalog = _reader.Read(_feeds.Path);

        Assert.Equal(["newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
        Assert.Equal(["000_1cfd89721070237b.txt", "001_munitions-route.md"], catalog.Feeds[1].Articles.Select(a => a.FileName));
        Assert.All(catalog.Feeds.SelectMany(f => f.Articles), a => Assert.True(a.Reusable));
    }

    [Fact]
    public void ReadFeed_AgainWithTheEarlierRead_ReusesUnchangedArticlesAndParsesChangedOnes()
    {
        var first = _reader.Read(_feeds.Path).Feeds.Single(f => f.Definition.Name == "world");
        var changed = Path.Combine(_feeds.Path, "world", "001_munitions-route.md");
        var written = File.GetLastWriteTimeUtc(changed);
        File.AppendAllText(changed, "\nOne more paragraph.\n");
        File.SetLastWriteTimeUtc(changed, written); // as a copy that keeps times would leave it: the bytes decide
        _feeds.Write("world/002_new.txt", "New\n\nBody.\n");

        var again = _reader.ReadFeed(_feeds.Path, "world", new List<SourceDiagnostic>(), first)!;

        Assert.Same(first.Articles[0], again.Articles[0]);
        Assert.NotSame(first.Articles[1], again.Articles[1]);
        Assert.Contains("One more paragraph.", again.Articles[1].BodyHtml, StringComparison.Ordinal);
        Assert.Equal("New", again.Articles[2].Title);
    }

    [Fact]
    public void Read_AgainWithTheEarlierRead_ReusesUnchangedArticles()
    {
        var first = _reader.Read(_feeds.Path);

        var again = _reader.Read(_feeds.Path, first);

        Assert.All(first.Feeds.SelectMany(f => f.Articles).Zip(again.Feeds.SelectMany(f => f.Articles)), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void Read_AgainAnArticleWithAWarning_ParsesItAgainAndSaysTheWarningAgain()
    {
        _feeds.Write("world/002_warned.md", "---\ntitle: Warned\nunknownkey: 1\n---\nBody.\n");
        var first = _reader.Read(_feeds.Path);
        Assert.Contains(first.Diagnostics, d => d.File.EndsWith("002_warned.md", StringComparison.Ordinal));

        var again = _reader.Read(_feeds.Path, first);

        Assert.Contains(again.Diagnostics, d => d.File.EndsWith("002_warned.md", StringComparison.Ordinal));
    }

    public void Dispose() => _feeds.Dispose();
}
