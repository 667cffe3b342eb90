using System.Text;
using Syndication.Articles;
using Syndication.Feeds.Derived;

namespace Syndication.Tests.Articles;

public sealed class FeedDefinitionReaderTests
{
    private const string Path = "feeds/world/feed.json";

    private static FeedDefinition Parse(string json, List<SourceDiagnostic> diagnostics, string name = "world") =>
        FeedDefinitionReader.Parse(Path, name, Encoding.UTF8.GetBytes(json), diagnostics);

    private static SourceFormatException ParseFails(string json, string name = "world") =>
        Assert.Throws<SourceFormatException>(() => Parse(json, [], name));

    [Fact]
    public void Parse_EveryField_ReadsThemWithoutDiagnostics()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse("""
            {
              "title": "World  news", "description": "From everywhere", "link": "https://example.com/world/",
              "language": "uk", "articleLink": "https://example.com/a/{slug}.html",
              "author": { "name": "Desk", "uri": "https://example.com/desk", "email": "desk@example.com" }
            }
            """, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("world", feed.Name);
        Assert.Equal("World news", feed.Title);
        Assert.Equal("From everywhere", feed.Description);
        Assert.Equal(new Uri("https://example.com/world/"), feed.Link);
        Assert.Equal("uk", feed.Language);
        Assert.Equal(new Person("Desk", new Uri("https://example.com/desk"), "desk@example.com"), feed.Author);
        Assert.Equal("https://example.com/a/{slug}.html", feed.ArticleLinkPattern);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("60", 60)]
    [InlineData("10080", 10080)] // a week
    public void Parse_Ttl_IsTheFeedsTimeToLiveInMinutes(string ttl, int minutes)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithTtl(ttl), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(TimeSpan.FromMinutes(minutes), feed.TimeToLive);
    }

    [Fact]
    public void Parse_NoTtl_LeavesItToTheNewsroomWithoutAWarning()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse("""{ "title": "T", "description": "D", "link": "https://example.com/", "language": "en", "author": "A" }""", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Null(feed.TimeToLive);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10081")]
    [InlineData("1.5")]
    [InlineData("\"5\"")]
    [InlineData("null")]
    [InlineData("99999999999")]
    public void Parse_TtlNotAWholeNumberOfMinutesUpToAWeek_WarnsNamingTheFileAndLeavesItToTheNewsroom(string ttl)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithTtl(ttl), diagnostics);

        Assert.Null(feed.TimeToLive);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, Path), (warning.Severity, warning.File));
        Assert.Contains("'ttl' must be a whole number of minutes from 1 to 10080", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Syndication:TimeToLive is used", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LinkWithCredentials_FailsWithoutWritingThemIntoTheError()
    {
        var failure = ParseFails("""{ "title": "W", "link": "https://desk:secret-pass@example.com/", "description": "D", "language": "en", "author": { "name": "A" } }""");

        Assert.Contains("'link' must be an absolute http(s) URL", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://***@example.com/", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pass", failure.Message, StringComparison.Ordinal);
    }

    private static string WithTtl(string ttl) =>
        $$"""{ "title": "T", "description": "D", "link": "https://example.com/", "language": "en", "author": "A", "ttl": {{ttl}} }""";

    // Errors: the feed cannot be published.
    [Theory]
    [InlineData("""{ "link": "https://example.com/" }""", "'title' is missing")]
    [InlineData("""{ "title": "  ", "link": "https://example.com/" }""", "'title' is missing")]
    [InlineData("""{ "title": 7, "link": "https://example.com/" }""", "'title' is missing")]
    [InlineData("""{ "title": "T" }""", "'link' (the site's URL) is missing")]
    [InlineData("""{ "title": "T", "link": "/world/" }""", "'link' must be an absolute http(s) URL, not '/world/'")]
    [InlineData("""{ "title": "T", "link": "ftp://example.com/" }""", "'link' must be an absolute http(s) URL, not 'ftp://example.com/'")]
    [InlineData("""{ "title": "T", "link": "javascript:alert(1)" }""", "'link' must be an absolute http(s) URL, not 'javascript:alert(1)'")]
    [InlineData("""[ "title", "link" ]""", "the feed definition must be a JSON object")]
    [InlineData("\"just a string\"", "the feed definition must be a JSON object")]
    public void Parse_WithoutAPublishableTitleOrLink_Throws(string json, string detail)
    {
        var error = ParseFails(json);

        Assert.Equal(detail, error.Detail);
        Assert.Equal(Path, error.File);
        Assert.Null(error.Line);
    }

    [Theory]
    [InlineData("{\n  \"title\": \"T\",\n  \"link\": \"https://example.com/\"\n  \"language\": \"en\"\n}", 4)]
    [InlineData("{\n  \"title\": \"T\n}", 2)]
    [InlineData("{", 1)]
    public void Parse_MalformedJson_ThrowsWithTheLine(string json, int line)
    {
        var error = ParseFails(json);

        Assert.StartsWith("malformed JSON: ", error.Detail, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAllowed()
    {
        var feed = Parse("""
            {
              // hand-written files have these
              "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A",
            }
            """, []);

        Assert.Equal("T", feed.Title);
    }

    [Theory]
    [InlineData("World")]
    [InlineData("-world")]
    [InlineData(".world")]
    [InlineData("_world")]
    [InlineData("world news")]
    [InlineData("wörld")]
    [InlineData("")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890123")] // 64 characters
    public void Parse_InvalidFolderName_Throws(string name)
    {
        var error = ParseFails("""{ "title": "T", "link": "https://example.com/" }""", name);

        Assert.Contains($"the feed folder name '{name}' must be lowercase letters", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("world")]
    [InlineData("9")]
    [InlineData("world-news_2.en")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012")] // 63 characters
    public void IsValidName_LowercaseLettersDigitsAndSeparators_IsTrue(string name) =>
        Assert.True(FeedDefinitionReader.IsValidName(name));

    // Warnings: the feed is published with a default.
    [Theory]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "language": "en", "author": "A" }""", "'description' is missing; the title is used")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "author": "A" }""", "'language' is missing; 'en' is used")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en" }""", "'author' is missing; the feed's title is used as the author's name")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": { "uri": "https://example.com/" } }""", "'author' is missing; the feed's title is used as the author's name")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": 3 }""", "'author' is missing; the feed's title is used as the author's name")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A", "articleLink": "https://example.com/a/" }""", "'articleLink' must be an absolute http(s) URL containing {slug}; the default '<link>/{slug}/' is used")]
    [InlineData("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A", "articleLink": "/a/{slug}" }""", "'articleLink' must be an absolute http(s) URL containing {slug}; the default '<link>/{slug}/' is used")]
    public void Parse_MissingOptionalField_WarnsWithTheDefault(string json, string warning)
    {
        var diagnostics = new List<SourceDiagnostic>();

        Parse(json, diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(new SourceDiagnostic(DiagnosticSeverity.Warning, Path, null, warning), diagnostic);
    }

    [Fact]
    public void Parse_OnlyTitleAndLink_UsesEveryDefault()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse("""{ "title": "World", "link": "https://example.com/world" }""", diagnostics);

        Assert.Equal("World", feed.Description);
        Assert.Equal(FeedDefinitionReader.DefaultLanguage, feed.Language);
        Assert.Equal(new Person("World"), feed.Author);
        Assert.Null(feed.ArticleLinkPattern);
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("\"Desk\"", "Desk", null, null)]
    [InlineData("\"  The   Desk \"", "The Desk", null, null)]
    [InlineData("""{ "name": "Desk" }""", "Desk", null, null)]
    [InlineData("""{ "name": "Desk", "uri": "https://example.com/desk" }""", "Desk", "https://example.com/desk", null)]
    [InlineData("""{ "name": "Desk", "url": "https://example.com/desk" }""", "Desk", "https://example.com/desk", null)]
    [InlineData("""{ "name": "Desk", "email": "desk@example.com" }""", "Desk", null, "desk@example.com")]
    public void Parse_AuthorAsStringOrObject_ReadsThePerson(string author, string name, string? uri, string? email)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse($$"""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": {{author}} }""", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(new Person(name, uri is null ? null : new Uri(uri), email), feed.Author);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/desk")]
    [InlineData("mailto:desk@example.com")]
    public void Parse_AuthorUriNotHttp_IsRemovedWithAWarning(string uri)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse($$"""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": { "name": "Desk", "uri": "{{uri}}" } }""", diagnostics);

        Assert.Equal(new Person("Desk"), feed.Author);
        var warning = Assert.Single(diagnostics);
        Assert.Equal($"'author.uri' must be an absolute http(s) URL; removed as unsafe or unusable: '{uri}'", warning.Message);
    }

    // Images: absolute http(s) URLs; "image" is an alias of "logo", which wins when both are given.
    [Theory]
    [InlineData("""{ "icon": "https://example.com/i.png" }""", "https://example.com/i.png", null)]
    [InlineData("""{ "logo": "https://example.com/l.png" }""", null, "https://example.com/l.png")]
    [InlineData("""{ "image": "http://example.com/l.png" }""", null, "http://example.com/l.png")]
    [InlineData("""{ "logo": "https://example.com/l.png", "image": "https://example.com/other.png" }""", null, "https://example.com/l.png")]
    [InlineData("""{ "icon": " https://example.com/i.svg ", "logo": "https://cdn.example.net/l" }""", "https://example.com/i.svg", "https://cdn.example.net/l")]
    [InlineData("""{ }""", null, null)]
    public void Parse_IconAndLogo_ReadsTheUrls(string images, string? icon, string? logo)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithImages(images), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(icon, feed.Icon?.AbsoluteUri);
        Assert.Equal(logo, feed.Logo?.AbsoluteUri);
    }

    [Theory]
    [InlineData("""{ "icon": "/images/icon.png" }""", "'icon' must be an absolute http(s) URL; the feed is published without it: '/images/icon.png'")]
    [InlineData("""{ "icon": "javascript:alert(1)" }""", "'icon' must be an absolute http(s) URL; the feed is published without it: 'javascript:alert(1)'")]
    [InlineData("""{ "icon": "data:image/png;base64,AAAA" }""", "'icon' must be an absolute http(s) URL; the feed is published without it: 'data:image/png;base64,AAAA'")]
    [InlineData("""{ "icon": "" }""", "'icon' must be an absolute http(s) URL; the feed is published without it: ''")]
    [InlineData("""{ "icon": 7 }""", "'icon' must be an absolute http(s) URL; the feed is published without it")]
    [InlineData("""{ "logo": "ftp://example.com/l.png" }""", "'logo' must be an absolute http(s) URL; the feed is published without it: 'ftp://example.com/l.png'")]
    [InlineData("""{ "logo": { "url": "https://example.com/l.png" } }""", "'logo' must be an absolute http(s) URL; the feed is published without it")]
    [InlineData("""{ "image": "file:///etc/passwd" }""", "'image' must be an absolute http(s) URL; the feed is published without it: 'file:///etc/passwd'")]
    [InlineData("""{ "logo": "l.png", "image": "https://example.com/l.png" }""", "'logo' must be an absolute http(s) URL; the feed is published without it: 'l.png'")]
    public void Parse_ImageNotAnAbsoluteHttpUrl_IsLeftOutWithAWarningNamingTheKey(string images, string warning)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithImages(images), diagnostics);

        Assert.Null(feed.Icon);
        Assert.Null(feed.Logo);
        Assert.Equal(new SourceDiagnostic(DiagnosticSeverity.Warning, Path, null, warning), Assert.Single(diagnostics));
    }

    /// <summary>A complete definition with the properties of <paramref name="images"/> (a JSON object) added.</summary>
    private static string WithImages(string images) =>
        """{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A", """ + images.TrimStart('{');

    // Escapes JSON allows but XML cannot carry: removed, with a warning naming the property.
    [Theory]
    [InlineData("""World\uD800""", "World", 1)]
    [InlineData("""\uDC00World\uD800""", "World", 2)]
    [InlineData("""Wo\u0001rld\u001b""", "World", 2)]
    [InlineData("""World\uFFFE""", "World", 1)]
    [InlineData("""W\u00f6rld \uD83D\uDE00""", "Wörld 😀", 0)]
    public void Parse_EscapedCharactersXmlCannotCarry_AreRemovedWithAWarning(string escapedTitle, string title, int removed)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse($$"""{ "title": "{{escapedTitle}}", "link": "https://example.com/", "description": "D", "language": "en", "author": "A" }""", diagnostics);

        Assert.Equal(title, feed.Title);
        if (removed == 0)
        {
            Assert.Empty(diagnostics);
        }
        else
        {
            var warning = Assert.Single(diagnostics);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Equal($"'title': {removed} control or non-character code point(s) that XML cannot carry were removed", warning.Message);
        }
    }

    [Fact]
    public void Parse_DescriptionOnlyControlCharacters_WarnsTwiceAndFallsBackToTheTitle()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse("""{ "title": "T", "link": "https://example.com/", "description": "\u0001\u001b", "language": "en", "author": "A" }""", diagnostics);

        Assert.Equal("T", feed.Description);
        Assert.Equal(
            ["'description': 2 control or non-character code point(s) that XML cannot carry were removed", "'description' is missing; the title is used"],
            diagnostics.Select(d => d.Message));
    }

    // "derived": which derived feeds the feed's articles go to; anything unusable is a warning and the configuration decides.
    private static string WithDerived(string derived) =>
        $$"""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A", "derived": {{derived}} }""";

    [Fact]
    public void Parse_NoDerived_LeavesEveryChoiceToTheConfiguration()
    {
        var feed = Parse("""{ "title": "T", "link": "https://example.com/", "description": "D", "language": "en", "author": "A" }""", []);

        Assert.Equal(new DerivedFeedChoice(null, null, null), feed.Derived);
    }

    [Theory]
    [InlineData("""{ "tags": true, "authors": true, "all": true }""", true, true, true)]
    [InlineData("""{ "tags": false, "all": true }""", false, null, true)]
    [InlineData("""{ "authors": false }""", null, false, null)]
    [InlineData("{}", null, null, null)]
    public void Parse_DerivedSwitches_ReadsEachWithoutDiagnostics(string derived, bool? tags, bool? authors, bool? all)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithDerived(derived), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(new DerivedFeedChoice(tags, authors, all), feed.Derived);
    }

    [Theory]
    [InlineData("""{ "tags": "true", "all": true }""", "tags")]
    [InlineData("""{ "tags": false, "authors": 1 }""", "authors")]
    [InlineData("""{ "all": "yes", "tags": false }""", "all")]
    [InlineData("""{ "all": { "on": true } }""", "all")]
    public void Parse_DerivedSwitchNotABoolean_WarnsAndLeavesThatSwitchToTheConfiguration(string derived, string key)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithDerived(derived), diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, Path), (warning.Severity, warning.File));
        Assert.StartsWith($"'derived.{key}' must be true or false", warning.Message, StringComparison.Ordinal);
        var choice = feed.Derived;
        Assert.Null(key switch { "tags" => choice.Tags, "authors" => choice.Authors, _ => choice.All });
        // The switches that were booleans are kept.
        Assert.Equal(derived.Contains("\"all\": true", StringComparison.Ordinal) ? true : null, choice.All);
        Assert.Equal(derived.Contains("\"tags\": false", StringComparison.Ordinal) ? false : null, choice.Tags);
    }

    [Fact]
    public void Parse_DerivedWithAnUnknownKey_WarnsNamingItAndReadsTheOthers()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithDerived("""{ "tag": true, "all": true }"""), diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, Path), (warning.Severity, warning.File));
        Assert.StartsWith("'derived.tag' ", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new DerivedFeedChoice(null, null, true), feed.Derived);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"tags\"")]
    [InlineData("""[ "tags", "all" ]""")]
    [InlineData("null")]
    public void Parse_DerivedNotAnObject_WarnsAndLeavesEveryChoiceToTheConfiguration(string derived)
    {
        var diagnostics = new List<SourceDiagnostic>();

        var feed = Parse(WithDerived(derived), diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, Path), (warning.Severity, warning.File));
        Assert.StartsWith("'derived' must be an object", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new DerivedFeedChoice(null, null, null), feed.Derived);
    }
}
