using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Related;
using Syndication.Formats;
using Syndication.Publishing;

namespace Syndication.Tests.Properties;

/// <summary>
/// Arbitrary Unicode in every text field, through the whole path (files in a feeds folder, the readers, the feed
/// model, the three writers): every document is well-formed, reads back (with <see cref="XmlReader"/>,
/// <see cref="JsonDocument"/> and an HTML parser) as the field's text after the documented normalisations, and no
/// exception escapes. An article either publishes with that text or is skipped with an error naming its file.
/// </summary>
/// <remarks>The expected texts come from the generated input and <see cref="ExpectedText"/>, never from the output.</remarks>
public sealed class TextFidelityProperties
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace DublinCore = FeedNamespaces.DublinCore;
    private static readonly XNamespace Media = FeedNamespaces.Media;
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), TextFeed.Name);

    private static readonly Gen<TextFeedDefinition> Definition =
        Gen.Select(ArbitraryText.Any(loneSurrogates: true), ArbitraryText.Any(loneSurrogates: true).Null(0.2),
                ArbitraryText.Any(loneSurrogates: true).Null(0.2), Gen.Bool, Gen.Bool)
            .Select((title, description, author, authorAsString, serializer) => new TextFeedDefinition(title, description, author, authorAsString, serializer));

    // One article in eight may have a lone surrogate in its front matter, which YAML cannot spell: the others publish.
    private static readonly Gen<TextArticle> Article =
        from markdown in Gen.Bool
        from lone in Gen.Int[0, 7].Select(i => i == 0)
        from fields in Gen.Select(ArbitraryText.Title(lone), ArbitraryText.Any(lone).Null(0.3), ArbitraryText.Any(lone).Null(0.3), Gen.Bool,
            ArbitraryText.Any(lone).Array[0, 4], Gen.Bool, ArbitraryText.Any(lone).Null(0.3), ArbitraryText.Any(lone).Null(0.3))
        from links in Gen.Select(ArbitraryText.Any(lone).Array[0, 3], ArbitraryText.LinkTitle.Array[0, 3], ArbitraryText.Body)
        select new TextArticle(markdown, fields.Item1, fields.Item2, fields.Item3, fields.Item4, fields.Item5, fields.Item6, fields.Item7, fields.Item8,
            links.Item1, links.Item2, links.Item3);

    private static readonly Gen<TextFeed> Feed =
        Gen.Select(Definition, Article.Array[1, 4]).Select((definition, articles) => new TextFeed(definition, articles));

    [Fact]
    public void EveryTextField_ReadsBackFromRssAtomAndJsonAsItsNormalisedText() =>
        Feed.Sample(feed => Verify(feed, Render(feed)), iter: 120, print: feed => feed.ToString());

    [Fact]
    public Task EveryTextField_PublishedByTheFeedPublisher_ReadsBackAsItsNormalisedText() =>
        // The real composition (reading, state, paging, the feed's page): fewer iterations, as each publishes to a folder.
        Feed.SampleAsync(async feed => Verify(feed, await PublishAsync(feed)), iter: 12, print: feed => feed.ToString());

    // ----- Regression tests: minimal inputs found by the properties above --------------------------------------------

    [Fact]
    public void FrontMatterTitle_WithALineSeparator_IsPublishedWithTheSeparatorFoldedIntoASpace() =>
        VerifyOne(PlainArticle() with { Title = "a\u2028b" });

    [Fact]
    public void FrontMatterTexts_WithLineAndParagraphSeparators_ArePublishedNotRefusedAsWronglyIndented() =>
        VerifyOne(PlainArticle() with { Summary = "\u2029", Caption = "x\u2029\u2029 y", Tags = ["t\u2028#u"] });

    // Not a failure: YAML's \u escapes are code points, and YamlDotNet refuses a lone surrogate (it takes a pair).
    [Fact]
    public void FrontMatterTitle_WithAnEscapedLoneSurrogate_SkipsTheArticleWithAnErrorNamingTheFile() =>
        VerifyOne(PlainArticle() with { Title = "a\uD800b" });

    [Fact]
    public void TagsWrittenAsText_WithAVerticalTab_ReadBackWithItRemovedNotFoldedIntoASpace() =>
        VerifyOne(PlainArticle() with { Tags = ["a\u000Bb"], TagsAsText = true });

    [Fact]
    public void TagsWrittenAsText_OfControlCharactersOnly_GiveNoEmptyCategory() =>
        VerifyOne(PlainArticle() with { Tags = ["\u0001"], TagsAsText = true });

    [Fact]
    public void TagsWrittenAsText_DifferingOnlyByAControlCharacter_AreOneCategory() =>
        VerifyOne(PlainArticle() with { Tags = ["a\u0001", "a"], TagsAsText = true });

    private static TextArticle PlainArticle() => new(false, "Title", null, null, false, [], false, null, null, [], [], "Body.");

    private static void VerifyOne(TextArticle article)
    {
        var feed = new TextFeed(new TextFeedDefinition("Feed", null, null, AuthorAsString: false, Serializer: false), [article]);
        Verify(feed, Render(feed));
    }

    // ----- The path -------------------------------------------------------------------------------------------------

    /// <summary>What one run produced: the diagnostics, and the documents when the feed was published.</summary>
    /// <remarks>Each format's documents are its subscription document and its archives, which share out the entries.</remarks>
    private sealed record Run(string Folder, IReadOnlyList<SourceDiagnostic> Diagnostics, byte[][] Rss, byte[][] Atom, byte[][] Json, byte[]? Page, byte[]? Opml = null);

    /// <summary>The pipeline as <see cref="GeneratedFeedsProperties"/> composes it: folder reader, state, related links, content, writers.</summary>
    private static Run Render(TextFeed feed)
    {
        var root = Directory.CreateTempSubdirectory("syndication-text-").FullName;
        try
        {
            var folder = feed.WriteTo(root);
            var catalog = FolderCatalog.Read(root);
            if (catalog.Feeds.SingleOrDefault() is not { } source)
            {
                return new Run(folder, catalog.Diagnostics, [], [], [], null);
            }

            var state = new FeedState();
            FeedStateUpdater.Apply(state, source.Articles, TestClock.Now);
            var content = new FeedBuilder(new RelatedLinkResolver(catalog, new RelatedOptions()), new HtmlContentSanitizer()).Build(source, state).AsPage();
            return new Run(folder, catalog.Diagnostics,
                [Rss20DocumentWriter.Write(content, Urls, TimeSpan.FromMinutes(5)).Content.ToArray()],
                [Atom10DocumentWriter.Write(content, Urls).Content.ToArray()],
                [JsonFeedDocumentWriter.Write(content, Urls).Content.ToArray()],
                FeedPageWriter.Write(content, Urls).Content.ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<Run> PublishAsync(TextFeed feed)
    {
        var root = Directory.CreateTempSubdirectory("syndication-text-").FullName;
        try
        {
            var feeds = Directory.CreateDirectory(Path.Combine(root, "feeds")).FullName;
            var output = Path.Combine(root, "out");
            var folder = feed.WriteTo(feeds);
            // Pages of two entries: the archives are written and read too.
            var options = new SyndicationOptions { FeedsPath = feeds, OutputPath = output, PublicBaseUrl = new Uri("https://feeds.example.org/"), PageSize = 2 };
            var report = await TestPublisher.Create(options, TestClock.Create())
                .PublishAsync(TestContext.Current.CancellationToken);
            Assert.All(report.Feeds, f => Assert.True(f.Succeeded, f.Error));

            var published = Path.Combine(output, TextFeed.Name);
            var archive = Path.Combine(published, "archive");
            string[] Documents(string subscription, string archives) =>
                File.Exists(Path.Combine(published, subscription))
                    ? [Path.Combine(published, subscription), .. Directory.Exists(archive) ? Directory.GetFiles(archive, archives) : []]
                    : [];
            byte[][] Read(IEnumerable<string> files) => [.. files.Select(File.ReadAllBytes)];

            return new Run(folder, report.Diagnostics,
                Read(Documents("rss.xml", "*.rss.xml")),
                Read(Documents("atom.xml", "*.xml").Where(f => !f.EndsWith(".rss.xml", StringComparison.Ordinal))),
                Read(Documents("feed.json", "*.json")),
                File.Exists(Path.Combine(published, "index.html")) ? File.ReadAllBytes(Path.Combine(published, "index.html")) : null,
                File.ReadAllBytes(Path.Combine(output, "feeds.opml")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // ----- The checks -----------------------------------------------------------------------------------------------

    private static void Verify(TextFeed feed, Run run)
    {
        // Whatever fails stays in its file, described by the readers: no exception is reported as unexpected.
        Assert.All(run.Diagnostics, d => Assert.True(d.Exception is null, d.ToString() + "\n" + d.Exception));

        var expectedFeed = ExpectedText.Feed(feed.Definition);
        if (expectedFeed.Title is null)
        {
            var definition = Path.Combine(run.Folder, FeedDefinition.FileName);
            Assert.Contains(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.File == definition && d.Message.Contains("'title' is missing", StringComparison.Ordinal));
            Assert.Empty(run.Rss);
            return;
        }

        var present = new List<ExpectedEntry>();
        for (var i = 0; i < feed.Articles.Length; i++)
        {
            var entry = ExpectedText.Entry(feed.Articles[i], i, Path.Combine(run.Folder, feed.Articles[i].FileName(i)), expectedFeed.Author);
            var errors = run.Diagnostics.Where(d => d.File == entry.File && d.Severity == DiagnosticSeverity.Error).ToList();
            switch (entry.Fate)
            {
                case ArticleFate.Published:
                    Assert.True(errors.Count == 0, $"{entry.File} should publish: {string.Join("; ", errors)}");
                    present.Add(entry);
                    break;
                case ArticleFate.Skipped:
                    Assert.True(errors.Any(d => d.Message.Contains(entry.Error!, StringComparison.Ordinal)),
                        $"{entry.File} should be skipped with an error saying '{entry.Error}': {string.Join("; ", errors)}");
                    break;
                case ArticleFate.Either when errors.Count == 0:
                    present.Add(entry);
                    break;
            }
        }

        Assert.NotEmpty(run.Rss);
        VerifyRss([.. run.Rss.Select(Load)], expectedFeed, present);
        VerifyAtom([.. run.Atom.Select(Load)], expectedFeed, present);
        VerifyJson(run.Json, expectedFeed, present);
        VerifyPage(run.Page!, expectedFeed, present);
        if (run.Opml is not null)
        {
            var outline = Load(run.Opml).Descendants("outline").Single(o => ((string)o.Attribute("xmlUrl")!).EndsWith($"/{TextFeed.Name}/rss.xml", StringComparison.Ordinal));
            Assert.Equal(expectedFeed.Title, (string?)outline.Attribute("title"));
            Assert.Equal(expectedFeed.Title, (string?)outline.Attribute("text"));
            Assert.Equal(expectedFeed.Description, (string?)outline.Attribute("description"));
        }
    }

    private static void VerifyRss(List<XDocument> documents, ExpectedFeed feed, List<ExpectedEntry> entries)
    {
        var channels = documents.Select(d => d.Root!.Element("channel")!).ToList();
        Assert.All(channels, channel => Assert.Equal(feed.Title, channel.Element("title")!.Value));
        // The channel's description is HTML, as feedparser reads it: the text HTML-encoded.
        Assert.All(channels, channel => Assert.Equal(feed.Description, WebUtility.HtmlDecode(channel.Element("description")!.Value)));
        var items = channels.SelectMany(c => c.Elements("item")).ToDictionary(i => i.Element("link")!.Value);
        Assert.Equal(entries.Select(e => e.Link.AbsoluteUri).Order(StringComparer.Ordinal), items.Keys.Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var item = items[entry.Link.AbsoluteUri];
            AssertText(entry.Title, item.Element("title")!.Value, "RSS title", entry);
            // An item's description is HTML: the summary HTML-encoded.
            AssertSummary(entry, WebUtility.HtmlDecode(item.Element("description")!.Value), "RSS description");
            Assert.Equal(entry.Author, item.Element(DublinCore + "creator")!.Value);
            Assert.Equal(entry.Tags, item.Elements("category").Select(c => c.Value));
            AssertRelated(entry, item.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "related").Select(l => (string?)l.Attribute("title") ?? string.Empty));
            if (entry.ImageKnown)
            {
                var media = item.Element(Media + "content")!;
                Assert.Equal(entry.Caption, media.Element(Media + "title")?.Value);
                Assert.Equal(entry.Credit, media.Element(Media + "credit")?.Value);
            }

            VerifyContent(entry, item.Element(Content + "encoded")!.Value);
        }
    }

    private static void VerifyAtom(List<XDocument> documents, ExpectedFeed feed, List<ExpectedEntry> entries)
    {
        foreach (var root in documents.Select(d => d.Root!))
        {
            Assert.Equal(feed.Title, AtomText(root.Element(Atom + "title")!));
            Assert.Equal(feed.Description, AtomText(root.Element(Atom + "subtitle")!));
            Assert.Equal(feed.Author, root.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        }

        var byLink = documents.SelectMany(d => d.Root!.Elements(Atom + "entry")).ToDictionary(e => (string)Links(e, "alternate").Single().Attribute("href")!);
        Assert.Equal(entries.Select(e => e.Link.AbsoluteUri).Order(StringComparer.Ordinal), byLink.Keys.Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var element = byLink[entry.Link.AbsoluteUri];
            AssertText(entry.Title, AtomText(element.Element(Atom + "title")!), "Atom title", entry);
            AssertSummary(entry, AtomText(element.Element(Atom + "summary")!), "Atom summary");
            Assert.Equal(entry.Author, element.Element(Atom + "author")!.Element(Atom + "name")!.Value);
            Assert.Equal(entry.Tags, element.Elements(Atom + "category").Select(c => (string)c.Attribute("term")!));
            AssertRelated(entry, Links(element, "related").Select(l => (string?)l.Attribute("title") ?? string.Empty));
            if (entry.ImageKnown)
            {
                Assert.Equal(entry.Caption, (string?)Links(element, "enclosure").Single().Attribute("title"));
            }

            Assert.Equal("html", (string?)element.Element(Atom + "content")!.Attribute("type"));
            VerifyContent(entry, element.Element(Atom + "content")!.Value);
        }
    }

    private static void VerifyJson(byte[][] documents, ExpectedFeed feed, List<ExpectedEntry> entries)
    {
        var roots = documents.Select(bytes => JsonDocument.Parse(bytes).RootElement).ToList();
        foreach (var root in roots)
        {
            Assert.Equal(feed.Title, root.GetProperty("title").GetString());
            Assert.Equal(feed.Description, root.GetProperty("description").GetString());
            Assert.Equal(feed.Author, root.GetProperty("authors")[0].GetProperty("name").GetString());
        }

        var items = roots.SelectMany(root => root.GetProperty("items").EnumerateArray()).ToDictionary(i => i.GetProperty("url").GetString()!);
        Assert.Equal(entries.Select(e => e.Link.AbsoluteUri).Order(StringComparer.Ordinal), items.Keys.Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var item = items[entry.Link.AbsoluteUri];
            AssertText(entry.Title, item.GetProperty("title").GetString()!, "JSON title", entry);
            AssertSummary(entry, item.GetProperty("summary").GetString()!, "JSON summary");
            Assert.Equal(entry.Author, item.GetProperty("authors")[0].GetProperty("name").GetString());
            Assert.Equal(entry.Tags, item.TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!) : Enumerable.Empty<string>());
            var extension = item.GetProperty(JsonFeedDocumentWriter.Extension);
            var related = extension.TryGetProperty("related", out var list) ? list.EnumerateArray().ToList() : [];
            AssertRelated(entry, related.Where(r => r.GetProperty("source").GetString() != "computed").Select(r => r.GetProperty("title").GetString()!), computed: false);
            foreach (var computed in related.Where(r => r.GetProperty("source").GetString() == "computed"))
            {
                // A computed link's title is the title of the article it points to.
                Assert.Equal(items[computed.GetProperty("url").GetString()!].GetProperty("title").GetString(), computed.GetProperty("title").GetString());
            }

            if (entry.ImageKnown)
            {
                var image = extension.GetProperty("image");
                Assert.Equal(entry.Caption, image.TryGetProperty("caption", out var caption) ? caption.GetString() : null);
                Assert.Equal(entry.Credit, image.TryGetProperty("credit", out var credit) ? credit.GetString() : null);
            }

            VerifyContent(entry, item.GetProperty("content_html").GetString()!);
        }
    }

    private static void VerifyPage(byte[] bytes, ExpectedFeed feed, List<ExpectedEntry> entries)
    {
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(feed.Title, page.QuerySelector("h1")!.TextContent);
        var byLink = entries.ToDictionary(e => e.Link.AbsoluteUri);
        foreach (var article in page.QuerySelectorAll("article"))
        {
            var link = article.QuerySelector("h2 a")!;
            var entry = byLink[link.GetAttribute("href")!];
            AssertText(entry.Title, link.TextContent, "page title", entry);
            AssertRelated(entry, article.QuerySelectorAll("ul.related a").Select(a => a.TextContent));
        }
    }

    /// <summary>The body's HTML, parsed as a browser would: the lead picture's caption and credit, and each paragraph of plain text.</summary>
    private static void VerifyContent(ExpectedEntry entry, string html)
    {
        var content = new HtmlParser().ParseDocument(html);
        if (entry.ImageKnown)
        {
            var figure = content.QuerySelector("figure")!;
            Assert.Equal(entry.Caption ?? string.Empty, figure.QuerySelector("img")!.GetAttribute("alt"));
            var caption = entry.Caption is null && entry.Credit is null
                ? null
                : entry.Caption + (entry.Caption is not null && entry.Credit is not null ? " " : string.Empty) + (entry.Credit is null ? string.Empty : "Photo: " + entry.Credit);
            Assert.Equal(caption, figure.QuerySelector("figcaption")?.TextContent);
        }

        if (entry.Paragraphs is not null)
        {
            Assert.Equal(entry.Paragraphs, content.QuerySelectorAll("p").Select(p => p.TextContent));
        }
    }

    private static void AssertRelated(ExpectedEntry entry, IEnumerable<string> titles, bool computed = true)
    {
        if (entry.Related is null)
        {
            return;
        }

        // The editor's links come first; computed ones may follow.
        var actual = titles.ToList();
        Assert.Equal(entry.Related, computed ? actual.Take(entry.Related.Count) : actual);
    }

    /// <summary>
    /// The summary is its text when that fits in <see cref="ExpectedText.SummaryLength"/> characters; otherwise the
    /// start of it, cut on a word boundary (unless the start has none), with an ellipsis.
    /// </summary>
    private static void AssertSummary(ExpectedEntry entry, string actual, string where)
    {
        if (entry.Summary is not { } full || full.Length <= ExpectedText.SummaryLength)
        {
            AssertText(entry.Summary, actual, where, entry);
            return;
        }

        var kept = actual[..^1];
        var wordBoundary = full.AsSpan(1, ExpectedText.SummaryLength - 1).Contains(' ');
        Assert.True(
            actual.Length <= ExpectedText.SummaryLength && actual.EndsWith('…') && full.StartsWith(kept, StringComparison.Ordinal)
                && (kept.Length == 0 || !char.IsHighSurrogate(kept[^1]))
                && (!wordBoundary || " ,;:.-–—".Contains(full[kept.Length], StringComparison.Ordinal)),
            $"{where} of {entry.File}: {TextFeed.Literal(actual)} is not {TextFeed.Literal(full)} shortened on a word boundary");
    }

    private static void AssertText(string? expected, string actual, string where, ExpectedEntry entry)
    {
        if (expected is not null)
        {
            Assert.True(expected == actual, $"{where} of {entry.File}: expected {TextFeed.Literal(expected)}, read {TextFeed.Literal(actual)}");
        }
    }

    /// <summary>An Atom text construct as readers show it: <c>type="html"</c> decoded, anything else as it is.</summary>
    private static string AtomText(XElement text) =>
        (string?)text.Attribute("type") == "html" ? WebUtility.HtmlDecode(text.Value) : text.Value;

    private static IEnumerable<XElement> Links(XElement parent, string relation) =>
        parent.Elements(Atom + "link").Where(l => ((string?)l.Attribute("rel") ?? "alternate") == relation);

    /// <summary>Reads a document strictly: well-formed XML 1.0, no DTD.</summary>
    private static XDocument Load(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }
}
