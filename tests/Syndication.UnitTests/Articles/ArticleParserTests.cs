using System.Text;
using System.Text.RegularExpressions;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class ArticleParserTests
{
    private readonly List<SourceDiagnostic> _diagnostics = [];

    private Article Parse(string text, string file = "article.txt") =>
        new ArticleParser().Parse(file, Encoding.UTF8.GetBytes(text), _diagnostics);

    // The seed article, read from the file committed under feeds/.

    [Fact]
    public void Parse_Seed_TakesTheFirstLineAsTitle()
    {
        var article = new ArticleParser().Parse(RepositoryPaths.SeedArticle, File.ReadAllBytes(RepositoryPaths.SeedArticle), _diagnostics);

        Assert.Equal("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated", article.Title);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Parse_Seed_TakesCaptionAndCreditFromThePhotoParagraph()
    {
        var article = new ArticleParser().Parse(RepositoryPaths.SeedArticle, File.ReadAllBytes(RepositoryPaths.SeedArticle), _diagnostics);

        Assert.NotNull(article.Image);
        Assert.Equal("Vladimir Putin and Kim Jong Un meeting on June 19.", article.Image.Caption);
        Assert.Equal("MFA Russia/X", article.Image.Credit);
        Assert.Null(article.Image.Url);
    }

    [Fact]
    public void Parse_Seed_KeepsEachBodyParagraphInOrder()
    {
        var article = new ArticleParser().Parse(RepositoryPaths.SeedArticle, File.ReadAllBytes(RepositoryPaths.SeedArticle), _diagnostics);
        var expected = File.ReadAllText(RepositoryPaths.SeedArticle).Split("\n\n")[2..^1];

        var paragraphs = article.BodyHtml.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(7, expected.Length);
        Assert.Equal(expected.Select(p => $"<p>{PlainText.HtmlEncode(p)}</p>"), paragraphs);
        Assert.DoesNotContain("Photo:", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Read also", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_TakesTheReadAlsoLineAsARelatedTitle()
    {
        var article = new ArticleParser().Parse(RepositoryPaths.SeedArticle, File.ReadAllBytes(RepositoryPaths.SeedArticle), _diagnostics);

        var related = Assert.Single(article.Related);
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", related.Title);
        Assert.Null(related.Url);
        Assert.Equal(19, related.Line);
    }

    [Fact]
    public void Parse_Seed_SummarisesWithTheFirstBodyParagraph()
    {
        var article = new ArticleParser().Parse(RepositoryPaths.SeedArticle, File.ReadAllBytes(RepositoryPaths.SeedArticle), _diagnostics);

        Assert.Equal("The Washington Post has analyzed that North Korea had provided approximately 1,6 million artillery shells to the Russian Federation via ports in almost a year.", article.Summary);
    }

    // Related lines: every spelling the newsroom uses.

    [Theory]
    [InlineData("Read also: Other story", "Other story", null)]
    [InlineData("READ MORE: Other story", "Other story", null)]
    [InlineData("see also:Other story", "Other story", null)]
    [InlineData("Read also: Other story <https://example.com/other/>", "Other story", "https://example.com/other/")]
    [InlineData("Read also: [Other story](https://example.com/other/)", "Other story", "https://example.com/other/")]
    [InlineData("**Read also:** [Other story](https://example.com/other/)", "Other story", "https://example.com/other/")]
    public void Parse_RelatedLine_BecomesAReference(string line, string title, string? url)
    {
        var article = Parse($"Title\n\nBody.\n\n{line}\n");

        var related = Assert.Single(article.Related);
        Assert.Equal(title, related.Title);
        Assert.Equal(url, related.Url?.AbsoluteUri);
        Assert.DoesNotContain(title, article.BodyHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("/relative/path")]
    public void Parse_RelatedLineWithUnsafeUrl_KeepsTheTitleAndWarns(string url)
    {
        var article = Parse($"Title\n\nBody.\n\nRead also: [Other]({url})\n");

        var related = Assert.Single(article.Related);
        Assert.Null(related.Url);
        var warning = Assert.Single(_diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Line);
        Assert.Contains("article.txt", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadAlsoInsideAParagraph_IsRemovedAndSplitsTheParagraph()
    {
        var article = Parse("Title\n\nFirst line\nRead also: Other\nSecond line\n");

        Assert.Equal("<p>First line</p>\n<p>Second line</p>\n", article.BodyHtml);
    }

    [Fact]
    public void Parse_PhotoParagraphNotFirst_StaysInTheBody()
    {
        var article = Parse("Title\n\nBody.\n\nA crowd. Photo: Agency\n");

        Assert.Null(article.Image);
        Assert.Contains("Photo: Agency", article.BodyHtml, StringComparison.Ordinal);
    }

    // Text is text: markup in a plain-text article is shown, not interpreted.

    [Fact]
    public void Parse_PlainTextWithMarkup_EncodesIt()
    {
        var article = Parse("Title\n\n<script>alert(1)</script> & more\n");

        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>\n", article.BodyHtml);
    }

    [Theory]
    [InlineData("Title\r\n\r\nBody one.\r\n\r\nBody two.\r\n")]
    [InlineData("Title\r\rBody one.\r\rBody two.\r")]
    public void Parse_CrlfOrCrLineEnds_ReadLikeLf(string text)
    {
        var article = Parse(text);

        Assert.Equal("Title", article.Title);
        Assert.Equal("<p>Body one.</p>\n<p>Body two.</p>\n", article.BodyHtml);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Заголовок\n\nТекст.\n")).ToArray();

        var article = new ArticleParser().Parse("a.txt", bytes, _diagnostics);

        Assert.Equal("Заголовок", article.Title);
    }

    // Front matter.

    [Fact]
    public void Parse_FrontMatter_SetsEveryField()
    {
        var article = Parse("""
            ---
            title: From front matter
            id: tag:example.com,2024:x/1
            link: https://example.com/x/1/
            published: 2024-06-20T09:30:00+02:00
            updated: 2024-06-21
            author: { name: Jane Doe, uri: https://example.com/jane }
            tags: [Politics, Europe, politics]
            image: { url: https://example.com/p.jpg, caption: A picture, credit: Agency }
            summary: Short.
            related:
              - { title: Other, url: https://example.com/other/ }
              - Another title
            ---
            Body paragraph.
            """);

        Assert.Equal("From front matter", article.Title);
        Assert.Equal("tag:example.com,2024:x/1", article.Id?.OriginalString);
        Assert.Equal("https://example.com/x/1/", article.Link?.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2024, 6, 20, 9, 30, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 21, 0, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.Equal(new Person("Jane Doe", new Uri("https://example.com/jane")), article.Author);
        Assert.Equal(["Politics", "Europe"], article.Tags);
        Assert.Equal(new LeadImage(new Uri("https://example.com/p.jpg"), "A picture", "Agency", "image/jpeg"), article.Image);
        Assert.Equal("Short.", article.Summary);
        Assert.Equal(["Other", "Another title"], article.Related.Select(r => r.Title));
        Assert.Equal("<p>Body paragraph.</p>\n", article.BodyHtml);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    public void Parse_DraftTrueOrFalse_MarksTheArticleWithoutADiagnostic(string value, bool draft)
    {
        var article = Parse($"---\ntitle: T\ndraft: {value}\n---\nBody.\n");

        Assert.Equal(draft, article.Draft);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("[true]")]
    [InlineData("")]
    public void Parse_DraftOtherValue_WarnsWithFileAndLineAndPublishes(string value)
    {
        var article = Parse($"---\ntitle: T\ndraft: {value}\n---\nBody.\n", "world/a.md");

        Assert.False(article.Draft);
        var warning = Assert.Single(_diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "world/a.md", 3), (warning.Severity, warning.File, warning.Line));
        Assert.Contains("'draft' must be true or false", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterWithWrongTypes_WarnsWithTheLineAndPublishes()
    {
        var article = Parse("---\nlink: javascript:alert(1)\npublished: yesterday\ncolour: red\n---\nTitle\n\nBody.\n");

        Assert.Null(article.Link);
        Assert.Null(article.Published);
        Assert.Equal([2, 3, 4], _diagnostics.Select(d => d.Line ?? 0).Order());
        Assert.All(_diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    // Markdown.

    [Fact]
    public void Parse_Markdown_TakesTheHeadingAsPlainTextTitleAndRendersTheBody()
    {
        var article = Parse("# A *Markdown* title\n\nSome **bold** text.\n\nRead also: [Other](https://example.com/o/)\n", "a.md");

        Assert.Equal("A Markdown title", article.Title);
        Assert.Equal("<p>Some <strong>bold</strong> text.</p>\n", article.BodyHtml);
        Assert.Equal("Some bold text.", article.Summary);
        Assert.Equal("https://example.com/o/", Assert.Single(article.Related).Url?.AbsoluteUri);
    }

    [Fact]
    public void Parse_MarkdownFirstParagraphWithAReferenceLinkAndAFootnote_SummarisesTheirTextWithoutBrackets()
    {
        var article = Parse("# Title\n\nThe [port report][r] came late.[^1]\n\n[r]: https://example.com/report/\n\n[^1]: By a week.\n", "a.md");

        Assert.Equal("The port report came late.", article.Summary);
    }

    [Fact]
    public void Parse_FrontMatterMappingWithKeysThatDifferOnlyByATagOrAnAnchor_ReadsTheMapping()
    {
        var article = Parse("---\ntitle: T\nauthor: { name: R, !a : 1, &b : 2 }\nrelated:\n  - { title: Other, !a : 1, &b : 2 }\n---\nBody\n", "a.md");

        Assert.Equal("R", article.Author?.Name);
        Assert.Equal("Other", Assert.Single(article.Related).Title);
    }

    [Theory]
    [InlineData("a: &x { ? *y : 1 }\nb: &y { ? *x : 1 }", 3, "the alias '*y' names no anchor ('&y') before it")] // overflowed the stack in YamlDotNet
    [InlineData("a: &x\n  ? *x\n  : 1", 4, "the alias '*x' is inside the list or mapping it names")]
    public void Parse_FrontMatterAliasThatMakesACycle_IsRefusedNamingTheAlias(string yaml, int line, string problem)
    {
        var error = Assert.Throws<SourceFormatException>(() => Parse($"---\ntitle: T\n{yaml}\n---\nBody\n", "a.md"));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterAliasToAnEarlierAnchor_IsRead() =>
        Assert.Equal("A title", Parse("---\na: &t A title\ntitle: *t\n---\nBody\n", "a.md").Title);

    [Fact]
    public void Parse_MarkdownCodeBlock_KeepsReadAlsoLinesInside()
    {
        var article = Parse("Title\n\n```\nRead also: not a link\n```\n", "a.md");

        Assert.Empty(article.Related);
        Assert.Contains("Read also: not a link", article.BodyHtml, StringComparison.Ordinal);
    }

    // What cannot be published is an error naming the file.

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09 }, "empty")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, "binary")]
    [InlineData(new byte[] { 0x54, 0xC3, 0x28 }, "not valid UTF-8")]
    public void Parse_NotText_IsAnErrorNamingTheFile(byte[] bytes, string problem)
    {
        var error = Assert.Throws<SourceFormatException>(() => new ArticleParser().Parse("feeds/x/bad.txt", bytes, _diagnostics));

        Assert.Equal("feeds/x/bad.txt", error.File);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedFrontMatter_IsAnErrorOnLineOne()
    {
        var error = Assert.Throws<SourceFormatException>(() => Parse("---\ntitle: x\n\nBody\n"));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_MalformedYaml_IsAnErrorWithItsLine()
    {
        var error = Assert.Throws<SourceFormatException>(() => Parse("---\ntitle: ok\ntags: [a, b\n---\nBody\n"));

        Assert.Contains("malformed front matter", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.InRange(error.Line.Value, 2, 5);
    }

    // Characters XML cannot carry are removed, with a warning, so that no document breaks.

    [Theory]
    [InlineData("Title\u0001 here\n\nBody\u000B text.\n", 1, 3)]
    [InlineData("Title\n\nBody \uFFFE and \uFFFF.\n", 3, 3)]
    [InlineData("Title\u001F\n\nBody.\n", 1, 1)]
    public void Parse_CharactersXmlCannotCarry_AreRemovedWithAWarningPerLine(string text, int firstLine, int lastLine)
    {
        var article = Parse(text);

        Assert.DoesNotContain(article.Title + article.BodyHtml + article.Summary, c => c is < ' ' and not '\n' or '\uFFFE' or '\uFFFF');
        Assert.Equal(firstLine, _diagnostics[0].Line);
        Assert.Equal(lastLine, _diagnostics[^1].Line);
        Assert.All(_diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Parse_ControlCharacterSpelledInQuotedYaml_IsRemovedWithAWarning()
    {
        var article = Parse("---\ntitle: \"Bell\\a and \\x01 escape\"\n---\nBody.\n");

        Assert.Equal("Bell and escape", article.Title);
        Assert.Equal(2, Assert.Single(_diagnostics).Line);
    }

    [Fact]
    public void Parse_TextWithXmlSpecials_KeepsThemAsText()
    {
        var article = Parse("A & B < C ]]> D\n\nE & F < G ]]> H\n");

        Assert.Equal("A & B < C ]]> D", article.Title);
        Assert.Equal("<p>E &amp; F &lt; G ]]&gt; H</p>\n", article.BodyHtml);
    }

    // Hostile structure is refused before YamlDotNet loads it: no input can overflow the stack or grow without bound.

    [Theory]
    [InlineData(100)]
    [InlineData(20_000)]
    public void Parse_FrontMatterNestedTooDeeply_IsAnErrorNamingTheFile(int depth)
    {
        var error = Assert.Throws<SourceFormatException>(() => Parse("---\ntitle: " + new string('[', depth) + "\n---\nBody\n", "deep.md"));

        Assert.Equal("deep.md", error.File);
        Assert.Contains("nested more than 16 levels", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterNestedWithinTheLimit_IsRead()
    {
        var article = Parse("---\ntitle: Nested\nsummary: x\nextra: " + new string('[', 15) + new string(']', 15) + "\n---\nBody\n", "ok.md");

        Assert.Equal("Nested", article.Title);
    }

    [Fact]
    public void Parse_FrontMatterWithTooManyAliases_IsAnError()
    {
        var aliases = string.Join(", ", Enumerable.Repeat("*a", 65));
        var error = Assert.Throws<SourceFormatException>(() => Parse($"---\nx: &a [1, 2]\ny: [{aliases}]\n---\nBody\n", "alias.md"));

        Assert.Contains("more than 64 aliases", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeFrontMatter_IsAnErrorNamingTheLimit()
    {
        var tags = string.Join(", ", Enumerable.Range(0, 300_000).Select(i => $"t{i}"));
        var error = Assert.Throws<SourceFormatException>(() => Parse($"---\ntitle: Huge\ntags: [{tags}]\n---\nBody\n", "huge.md"));

        Assert.Equal(2, error.Line);
        Assert.Contains("more than the limit of 65536", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody\n")]
    [InlineData("---\ntitle: [unclosed\n...\nBody\n")]
    [InlineData("---\ntitle: {a: [\n---\nBody\n")]
    [InlineData("---\n: \n---\nBody\n")]
    [InlineData("---\n? [a\n---\nBody\n")]
    [InlineData("---\n- a\n- b\n---\nBody\n")]
    [InlineData("---\ntitle: !!binary x\n---\nBody\n")]
    [InlineData("---\n&a title: *a\n---\nBody\n")]
    public void Parse_MalformedFrontMatter_IsAnArticleErrorNeverAnotherException(string text)
    {
        try
        {
            _ = Parse(text, "bad.md");
        }
        catch (SourceFormatException e)
        {
            Assert.Equal("bad.md", e.File);
        }
    }

    [Theory]
    [InlineData(">", "nested more than 32 levels")] // measured before Markdig
    [InlineData("[", "cannot be rendered")] // refused by Markdig itself
    public void Parse_MarkdownNestedTooDeeply_IsAnErrorNamingTheFile(string opener, string problem)
    {
        var error = Assert.Throws<SourceFormatException>(() => Parse("# Title\n\n" + string.Concat(Enumerable.Repeat(opener, 2000)) + " quote\n", "quotes.md"));

        Assert.Equal("quotes.md", error.File);
        Assert.Contains(problem, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&#xFFFE;")]
    [InlineData("&#65535;")]
    [InlineData("&#xD800;")]
    [InlineData("&#1;")]
    public void Parse_MarkdownCharacterReferenceXmlCannotCarry_NeverReachesTheArticle(string reference)
    {
        var article = Parse($"# Title {reference} end\n\nBody {reference} and <b>{reference}</b>.\n\nRead also: [Other {reference}](https://example.com/o/)\n", "refs.md");

        var text = article.Title + article.Summary + article.BodyHtml + string.Concat(article.Related.Select(r => r.Title));
        Assert.Equal(text, PlainText.RemoveInvalidXmlCharacters(text, out _));
    }

    [Fact]
    public void Parse_ListsNestedPastTheLimit_IsRefusedBeforeMarkdigNamingTheLine()
    {
        var refused = Assert.Throws<SourceFormatException>(() => Parse("Title\n\nIntro.\n\n" + string.Concat(Enumerable.Repeat(" - ", 33)) + "x\n", "world/deep.md"));

        Assert.Equal(5, refused.Line);
        Assert.Contains("nested more than 32 levels", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TitleLineOfListsNestedPastTheLimit_IsRefusedBeforeMarkdig()
    {
        var refused = Assert.Throws<SourceFormatException>(() => Parse(string.Concat(Enumerable.Repeat(" - ", 40)) + "x\n\nBody.\n", "world/title.md"));

        Assert.Equal(1, refused.Line);
        Assert.Contains("nested more than 32 levels", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreHtmlElementsThanTheLimit_IsRefusedBeforeTheSanitiser()
    {
        var refused = Assert.Throws<SourceFormatException>(() => Parse("Title\n\n" + string.Concat(Enumerable.Repeat("<b>x</b> ", 10_000)) + "\n", "world/tags.md"));

        Assert.Contains("10001 links, tags, table cells and blocks, more than the 10000 HTML elements", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreHtmlElementsThanTheLimitFromFewerTagsThanIt_IsRefusedAfterMarkdig()
    {
        // 5,001 list items: 5,002 tags and blocks in the text, but 10,003 elements (ul, then li and p each).
        var refused = Assert.Throws<SourceFormatException>(() => Parse("Title\n\n" + string.Concat(Enumerable.Repeat("- item\n\n", 5_001)), "world/items.md"));

        Assert.Contains("makes 10003 HTML elements, more than the 10000 HTML elements", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongLineOfLinkOpeners_IsRefusedBeforeMarkdig()
    {
        var refused = Assert.Throws<SourceFormatException>(() => Parse("Title\n\n" + string.Concat(Enumerable.Repeat("[a](", 3_000)) + "\n", "world/openers.md"));

        Assert.Contains("would make Markdig scan 17997000 characters, more than 16777216", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyLinksOnLinesOfTheirOwn_IsPublished()
    {
        var article = Parse("Title\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"See [story {i}](https://example.com/{i}/) and [more](https://example.com/m/{i}).\n")), "world/links.md");

        Assert.Equal(4_000, Regex.Count(article.BodyHtml, "<a "));
    }

    [Fact]
    public void Parse_TitleLongerThanTheLimit_IsCutWithAWarning()
    {
        var article = Parse("A" + new string('\u0301', 20_000) + "\n\nBody.\n", "world/marks.txt");

        Assert.True(article.Title.Length <= 10_000, $"{article.Title.Length} characters");
        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        Assert.Contains(_diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message == "the title has 20001 characters; it is cut to 10000");
    }

    [Fact]
    public void Parse_HtmlNestedPastTheLimit_IsRefused()
    {
        var refused = Assert.Throws<SourceFormatException>(() => Parse("Title\n\n" + string.Concat(Enumerable.Repeat("<div>", 129)) + "x\n", "world/divs.md"));

        Assert.Contains("nested 129 levels deep, more than 128", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AtTheLimits_IsPublished()
    {
        var lists = Parse("Title\n\n" + string.Concat(Enumerable.Repeat(" - ", 32)) + "x\n", "world/lists.md");
        var divs = Parse("Title\n\n" + string.Concat(Enumerable.Repeat("<div>", 128)) + "x\n", "world/divs.md");
        var plain = Parse("Title\n\n" + string.Concat(Enumerable.Repeat("A paragraph.\n\n", 20_000)), "world/long.txt");

        Assert.Equal(32, Regex.Count(lists.BodyHtml, "<li>"));
        Assert.Equal(128, Regex.Count(divs.BodyHtml, "<div>"));
        Assert.Equal(20_000, Regex.Count(plain.BodyHtml, "<p>"));
    }
}
