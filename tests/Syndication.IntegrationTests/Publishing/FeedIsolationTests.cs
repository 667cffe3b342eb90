using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Worker;

namespace Syndication.Tests.Publishing;

/// <summary>
/// A failure stays inside its article or its feed, whatever throws: the other feeds and the list of all feeds still
/// publish, the run says which feed failed and why, and the exception is logged with its stack trace.
/// </summary>
public sealed class FeedIsolationTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-isolation-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task Publish_OneFeedFailingUnexpectedly_FailsThatFeedOnlyAndLogsTheStackTrace()
    {
        // A file where the feed's folder of documents should be: writing it throws an IOException, which no rule expects.
        File.WriteAllText(Path.Combine(_output, "world"), "in the way");
        var logger = new ListLogger<FeedPublisher>();

        var report = await TestPublisher.Create(PublishOptions(), TestClock.Create(), logger).PublishAsync(TestContext.Current.CancellationToken);

        var world = Assert.Single(report.Feeds, f => f.Feed == "world");
        Assert.False(world.Succeeded);
        Assert.Contains("IOException", world.Error, StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Feeds, f => f.Feed == "newsroom").Succeeded);
        Assert.True(File.Exists(Path.Combine(_output, "newsroom", "rss.xml")));
        Assert.Contains("world/rss.xml", File.ReadAllText(Path.Combine(_output, "feeds.opml")), StringComparison.Ordinal);
        var failure = Assert.Single(logger.Entries, e => e.Event.Id == 1002);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsAssignableFrom<IOException>(failure.Exception);
        Assert.NotNull(failure.Exception!.StackTrace);
    }

    [Fact]
    public async Task Publish_FeedRefusedByTheDeletionGuard_LogsOneLineWithoutAStackTrace()
    {
        Assert.True((await TestPublisher.Create(PublishOptions(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken)).Succeeded);
        File.Delete(Path.Combine(_feeds.Path, "world", "001_munitions-route.md"));
        var options = PublishOptions();
        // Every removal counts against MaxShare, so one of the world feed's articles is too large a share.
        options.Deletion.MinCount = 0;
        var logger = new ListLogger<FeedPublisher>();

        var report = await TestPublisher.Create(options, TestClock.Create(), logger).PublishAsync(TestContext.Current.CancellationToken);

        var world = Assert.Single(report.Feeds, f => f.Feed == "world");
        Assert.False(world.Succeeded);
        var refusal = Assert.Single(logger.Entries, e => e.Message.StartsWith("Feed world ", StringComparison.Ordinal));
        Assert.Equal((1014, LogLevel.Error), (refusal.Event.Id, refusal.Level));
        Assert.Null(refusal.Exception);
        Assert.Contains("Refusing to remove 1 of the 3 entries of feed 'world'", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, logger.Count(1002));
    }

    [Fact]
    public async Task PublishCommand_OneFeedFailing_ExitsOneNamingTheFeedAndPublishesTheRest()
    {
        File.WriteAllText(Path.Combine(_output, "world"), "in the way");

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output], _stdout, _stderr);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("error: feed 'world' was not published: unexpected IOException", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("newsroom: 1 entries", _stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "index.html")));
    }

    [Fact]
    public async Task PublishCommand_AThousandTitlesEndingInAmpersandOrLessThan_PublishesEveryOneExactly()
    {
        // Titles cut at 64 characters end in '&' or '<' once in a while; here every one does, and each names the next in "Read also".
        var titles = Enumerable.Range(0, 1000).Select(i => $"Story {i} of markets, politics and {new string('x', 1 + (i % 70))} {(i % 2 == 0 ? '&' : '<')}").ToList();
        for (var i = 0; i < titles.Count; i++)
        {
            _feeds.Write($"world/gen-{i:D4}.txt", $"{titles[i]}\n\nBody of story {i}.\n\nRead also: {titles[(i + 1) % titles.Count]}\n");
        }

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output, "--Syndication:PageSize=2000"], _stdout, _stderr);

        Assert.True(exitCode == ExitCodes.Success, _stderr.ToString());
        var atom = XDocument.Load(Path.Combine(_output, "world", "atom.xml"));
        var shown = atom.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(titles.ToHashSet(StringComparer.Ordinal), shown);
        var related = atom.Descendants(Atom + "link").Where(l => (string?)l.Attribute("rel") == "related").Select(l => (string)l.Attribute("title")!).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(titles.ToHashSet(StringComparer.Ordinal), related);
        var rss = XDocument.Load(Path.Combine(_output, "world", "rss.xml"));
        Assert.Superset(titles.ToHashSet(StringComparer.Ordinal), rss.Descendants("item").Select(i => i.Element("title")!.Value).ToHashSet(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_output, "world", "feed.json")));
        Assert.Superset(titles.ToHashSet(StringComparer.Ordinal), json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("world/bad.md", "---\ntitle: [unclosed\n---\nBody\n", "malformed front matter")]
    [InlineData("world/deep.md", "---\ntitle: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\nBody\n", "nested more than 16 levels")]
    [InlineData("world/quotes.md", ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x\n", "nested more than 32 levels deep")]
    [InlineData("world/openers.md", "# Openers\n\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ x\n", "cannot be rendered")]
    public async Task ValidateCommand_MalformedArticle_ExitsOneNamingTheFile(string path, string text, string problem)
    {
        var file = _feeds.Write(path, text);

        var exitCode = await SyndicationCommand.RunAsync(["validate", "--feeds", _feeds.Path], _stdout, _stderr);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{file}", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains(problem, _stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _stderr.ToString());
    }

    [Fact]
    public async Task PublishCommand_MalformedFrontMatter_ExitsTwoNamingTheFileAndPublishesEveryOtherArticle()
    {
        var bad = _feeds.Write("world/bad.md", "---\ntitle: [unclosed\n---\nBody\n");

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output], _stdout, _stderr);

        Assert.Equal(ExitCodes.PartlyPublished, exitCode);
        Assert.Contains($"{bad}:", _stderr.ToString(), StringComparison.Ordinal);
        using var reader = XmlReader.Create(Path.Combine(_output, "world", "atom.xml"));
        Assert.Equal(3, XDocument.Load(reader).Root!.Elements(Atom + "entry").Count()); // the three world samples, not bad.md
    }

    [Fact]
    public async Task PublishCommand_PublishedFeedWhoseFeedJsonBreaks_ExitsOneAndKeepsTheFeedListedAndPublishingFromItsLastGoodDefinition()
    {
        Assert.Equal(ExitCodes.Success, await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output, "--Syndication:Derived:All=true"], _stdout, _stderr));
        var listed = (File.ReadAllBytes(Path.Combine(_output, "index.html")), File.ReadAllBytes(Path.Combine(_output, "feeds.opml")));
        var definition = _feeds.Write("world/feed.json", "{ \"title\": ");
        _feeds.Write("world/late.txt", "A late story of the world feed\n\nIts body.\n");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output, "--Syndication:Derived:All=true"], stdout, stderr);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains($"{definition}:1: error: malformed JSON", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("feed 'world' is published from its last good feed.json until the file is fixed", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("was not published", stderr.ToString(), StringComparison.Ordinal);
        // The list of all feeds depends on the definitions only: the last good one gives the same bytes.
        Assert.Equal(listed.Item1, File.ReadAllBytes(Path.Combine(_output, "index.html")));
        Assert.Equal(listed.Item2, File.ReadAllBytes(Path.Combine(_output, "feeds.opml")));
        var world = XDocument.Load(Path.Combine(_output, "world", "atom.xml"));
        Assert.Equal("World", world.Root!.Element(Atom + "title")!.Value);
        var titles = world.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Contains("A late story of the world feed", titles);
        var all = XDocument.Load(Path.Combine(_output, "all", "atom.xml"));
        Assert.Contains("A late story of the world feed", all.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
    }

    [Fact]
    public async Task PublishCommand_FeedJsonBrokenBeforeItsFeedWasEverPublished_ExitsOneAndLeavesTheFeedOut()
    {
        _feeds.Write("fresh/feed.json", "{ \"title\": ");
        _feeds.Write("fresh/one.txt", "A story of a feed never published\n\nIts body.\n");

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output], _stdout, _stderr);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("error: feed 'fresh' was not published: ", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_output, "fresh")));
        Assert.DoesNotContain("fresh/", File.ReadAllText(Path.Combine(_output, "feeds.opml")), StringComparison.Ordinal);
        Assert.Contains("world/rss.xml", File.ReadAllText(Path.Combine(_output, "feeds.opml")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _feeds.Dispose();
        OutputFolder.Delete(_output);
    }

    private SyndicationOptions PublishOptions() => new()
    {
        FeedsPath = _feeds.Path,
        OutputPath = _output,
        PublicBaseUrl = new Uri("https://feeds.example.org/"),
    };
}
