using Syndication.Articles;
using Syndication.Feeds.Derived;
using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

/// <summary>Every finding of <c>syndication validate</c>, each on a feeds folder made for it.</summary>
public sealed class CatalogValidatorTests : IDisposable
{
    private const string FeedJson = """{ "title": "T", "description": "D", "link": "https://example.com/t/", "language": "en", "author": { "name": "A" } }""";

    private readonly string _root = Directory.CreateTempSubdirectory("syndication-validate-").FullName;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestClock.Create();

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<ValidationReport> ValidateAsync() => CatalogValidator.ValidateAsync(_root, new ArticleParserOptions(), _clock, TestContext.Current.CancellationToken);

    private CatalogValidatorTests Feed(string name, string json = FeedJson)
    {
        Write($"{name}/feed.json", json);
        return this;
    }

    private Task<ValidationReport> ValidateAsync(DerivedFeedOptions derived) =>
        CatalogValidator.ValidateAsync(_root, new ArticleParserOptions(), _clock, TestContext.Current.CancellationToken, derived);

    [Fact]
    public async Task Validate_CleanFolder_ReportsNothing()
    {
        Feed("a");
        Write("a/one.txt", "One title\n\nBody.\n");

        var report = await ValidateAsync();

        Assert.Empty(report.Diagnostics);
        Assert.Equal((0, 0), (report.Errors, report.Warnings));
        Assert.Equal((1, 1), (report.Feeds, report.Articles));
    }

    [Fact]
    public async Task Validate_TheRepositorysSampleFeeds_ReportsNothing()
    {
        var report = await CatalogValidator.ValidateAsync(RepositoryPaths.Feeds, new ArticleParserOptions(), _clock, TestContext.Current.CancellationToken);

        Assert.Empty(report.Diagnostics.Select(d => d.ToString()));
        // world: the seed, the munitions route and the Serbian ammunition; newsroom: the subscription note.
        Assert.Equal((2, 4), (report.Feeds, report.Articles));
    }

    [Theory]
    [InlineData("empty.txt", "", "empty")]
    [InlineData("blank.txt", "  \n\t\n", "empty")]
    [InlineData("binary.txt", "Ti\0tle", "binary")]
    [InlineData("front.md", "---\ntitle: [unclosed\n---\nBody\n", "malformed front matter")]
    [InlineData("unclosed.md", "---\ntitle: x\nBody\n", "no closing")]
    [InlineData("untitled.md", "---\ntags: [a]\n---\n", "no title")]
    public async Task Validate_ArticleThatCannotBePublished_IsAnErrorNamingTheFile(string file, string text, string problem)
    {
        Feed("a");
        var path = Write($"a/{file}", text);

        var report = await ValidateAsync();

        var error = Assert.Single(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(path, error.File);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Errors);
    }

    [Fact]
    public async Task Validate_InvalidUtf8_IsAnError()
    {
        Feed("a");
        File.WriteAllBytes(Path.Combine(_root, "a", "latin1.txt"), [0x43, 0x61, 0x66, 0xE9, 0x0A]);

        Assert.Contains((await ValidateAsync()).Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_UnreadableFile_IsAnError()
    {
        Feed("a");
        File.CreateSymbolicLink(Path.Combine(_root, "a", "gone.txt"), Path.Combine(_root, "nowhere.txt"));

        var error = Assert.Single((await ValidateAsync()).Diagnostics);

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"title\": ", "malformed JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"link\": \"https://example.com/\" }", "'title' is missing")]
    [InlineData("{ \"title\": \"T\", \"link\": \"ftp://example.com/\" }", "absolute http(s)")]
    public async Task Validate_BadFeedJson_IsAnErrorForTheWholeFeed(string json, string problem)
    {
        Feed("a", json);
        Write("a/one.txt", "One\n\nBody.\n");

        var report = await ValidateAsync();

        var error = Assert.Single(report.Diagnostics);
        Assert.EndsWith("feed.json", error.File, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Feeds);
    }

    [Fact]
    public async Task Validate_FeedJsonMissingFields_WarnsWithTheDefaults()
    {
        Feed("a", """{ "title": "T", "link": "https://example.com/" }""");

        var warnings = (await ValidateAsync()).Diagnostics.Select(d => d.Message).ToList();

        Assert.Contains(warnings, m => m.Contains("'description' is missing; the title is used", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("'language' is missing; 'en' is used", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("'author' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FolderWithoutFeedJson_IsReported()
    {
        Write("drafts/one.txt", "One\n\nBody.\n");

        var warning = Assert.Single((await ValidateAsync()).Diagnostics);

        Assert.Contains("no feed.json", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReadAlsoMatchingNoArticle_WarnsWithTheLine()
    {
        Feed("a");
        var path = Write("a/one.txt", "One\n\nBody.\n\nRead also: Nothing like this\nRead also: Two\n");
        Write("a/two.txt", "Two\n\nBody.\n");

        var warning = Assert.Single((await ValidateAsync()).Diagnostics);

        Assert.Equal((path, 5), (warning.File, warning.Line));
        Assert.Contains("'Nothing like this' matches no article", warning.Message, StringComparison.Ordinal);
        var report = await ValidateAsync();
        Assert.Equal((0, 1), (report.Errors, report.Warnings));
    }

    [Fact]
    public async Task Validate_DuplicateTitlesAcrossFeeds_WarnsOnEachFile()
    {
        Feed("a").Feed("b");
        var first = Write("a/one.txt", "Same Title\n\nBody.\n");
        var second = Write("b/other.txt", "same title!\n\nBody.\n");

        var warnings = (await ValidateAsync()).Diagnostics.Where(d => d.Message.StartsWith("duplicate title", StringComparison.Ordinal)).ToList();

        Assert.Equal([first, second], warnings.Select(w => w.File));
        Assert.Contains(second, warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DuplicateIdsInTwoFeeds_Warn()
    {
        Feed("a");
        Feed("b");
        Write("a/one.md", "---\nid: tag:example.com,2024:same\n---\n# One\n\nBody.\n");
        Write("b/two.md", "---\nid: tag:example.com,2024:same\n---\n# Two\n\nBody.\n");

        Assert.Equal(2, (await ValidateAsync()).Diagnostics.Count(d => d.Message.StartsWith("duplicate id tag:example.com,2024:same", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Validate_DuplicateIdsInOneFeed_AreAnErrorOnTheSecondFile()
    {
        Feed("a");
        Write("a/one.md", "---\nid: tag:example.com,2024:same\n---\n# One\n\nBody.\n");
        Write("a/two.md", "---\nid: tag:example.com,2024:same\n---\n# Two\n\nBody.\n");

        var error = Assert.Single((await ValidateAsync()).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.EndsWith("two.md", error.File, StringComparison.Ordinal);
        Assert.Contains("also that of one.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnsafeUrl_WarnsThatItWasRemoved()
    {
        Feed("a");
        Write("a/one.md", "---\nlink: javascript:alert(1)\n---\n# One\n\nBody.\n\nRead also: [Two](data:text/html,x)\n");

        var messages = (await ValidateAsync()).Diagnostics.Select(d => (d.Line, d.Message)).ToList();

        Assert.Contains(messages, m => m.Line == 2 && m.Message.Contains("removed as unsafe", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 8 && m.Message.Contains("removed as unsafe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_DraftInFrontMatter_IsLeftOutLikeADraftFileNameWithoutADiagnostic()
    {
        Feed("a");
        Write("a/one.md", "---\ndraft: true\n---\n# One\n\nBody.\n");
        Write("a/_two.md", "# Two\n\nBody.\n");
        Write("a/three.md", "---\ndraft: false\n---\n# Three\n\nBody.\n");

        var report = await ValidateAsync();

        Assert.Equal(1, report.Articles);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public async Task Validate_ArticleDatedLater_IsListedAsHeldWithoutChangingTheCounts()
    {
        Feed("a");
        Write("a/one.md", $"---\npublished: {TestClock.Now.AddMinutes(1):O}\n---\n# One\n\nBody.\n");
        Write("a/two.md", $"---\npublished: {TestClock.Now:O}\n---\n# Two\n\nBody.\n");

        var report = await ValidateAsync();

        var held = Assert.Single(report.Held);
        Assert.Equal((Path.Combine(_root, "a", "one.md"), TestClock.Now.AddMinutes(1)), (held.File, held.Until));
        Assert.Equal((2, 0, 0), (report.Articles, report.Errors, report.Warnings));
        Assert.Contains("\"held\"", report.ToJson(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Validate_TagsMakingOneSlugWithTagFeedsConfigured_WarnsOnAFileUsingEach()
    {
        Feed("a");
        var sharp = Write("a/one.md", "---\ntitle: One\ntags: [\"C#\"]\n---\nBody.\n");
        var plain = Write("a/two.md", "---\ntitle: Two\ntags: [\"C\"]\n---\nBody.\n");

        var report = await ValidateAsync(new DerivedFeedOptions { Tags = true });

        Assert.Equal([sharp, plain], report.Diagnostics.Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.All(report.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal((0, 2), (report.Errors, report.Warnings));
    }

    [Fact]
    public async Task Validate_TagsMakingOneSlugWithoutTagFeeds_ReportsNothing()
    {
        Feed("a");
        Write("a/one.md", "---\ntitle: One\ntags: [\"C#\"]\n---\nBody.\n");
        Write("a/two.md", "---\ntitle: Two\ntags: [\"C\"]\n---\nBody.\n");

        Assert.Empty((await ValidateAsync()).Diagnostics);
    }

    [Fact]
    public async Task Validate_AFeedChoosingTagFeedsBesideAFolderNamedTags_IsAnErrorOnThatFolder()
    {
        Feed("a", """{ "title": "T", "description": "D", "link": "https://example.com/t/", "language": "en", "author": "A", "derived": { "tags": true } }""");
        Write("a/one.txt", "One\n\nBody.\n");
        Feed("tags");
        Write("tags/two.txt", "Two\n\nBody.\n");

        var error = Assert.Single((await ValidateAsync()).Diagnostics);

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith("tags/feed.json", error.File, StringComparison.Ordinal);
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
    }
}
