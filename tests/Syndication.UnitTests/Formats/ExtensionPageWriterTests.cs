using System.Text.Json;
using AngleSharp.Html.Parser;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class ExtensionPageWriterTests : IDisposable
{
    private static readonly Uri About = new("https://feeds.example.org/json-feed-extension.html");

    // With the sample feed's related links, every field the extension can carry on an item: a lead picture with a URL
    // (so it has a type), a caption and a credit.
    private readonly TestCorpus _corpus = new TestCorpus().Article("world/020_pictured.md", """
        ---
        image:
          url: https://news.example.com/images/port.webp
          caption: Containers at the port of Rajin.
          credit: Agency & Partners
        ---
        # A pictured story

        Body.
        """);

    private readonly FeedDocument _document = ExtensionPageWriter.Write();

    private AngleSharp.Html.Dom.IHtmlDocument Page => new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(_document.Content.Span));

    [Fact]
    public void Write_NamesTheRootBlobAndContentType()
    {
        Assert.Equal("json-feed-extension.html", _document.Name);
        Assert.Equal("text/html; charset=utf-8", _document.ContentType);
        Assert.Equal(DocumentKind.Page, _document.Kind);
    }

    [Fact]
    public void Write_SameCode_GivesTheSameBytes() =>
        Assert.True(_document.Content.Span.SequenceEqual(ExtensionPageWriter.Write().Content.Span));

    [Fact]
    public void Write_IsHtml5WithoutParseErrors()
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error ? $"{error.Position}: {error.Message}" : e.Type);

        var page = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(_document.Content.Span));

        Assert.Empty(errors);
        Assert.Equal("html", page.Doctype?.Name);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", page.QuerySelector("meta[charset]")?.GetAttribute("charset"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Write_HasHeadingsAndATableForEachPlaceTheExtensionGoes()
    {
        var page = Page;

        Assert.Contains("_syndication", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["On an item", "On an archive page", "Example"], page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("main table").Length);
        Assert.All(page.QuerySelectorAll("main table"), t => Assert.Equal(["Field", "Type", "Meaning"], t.QuerySelectorAll("thead th").Select(h => h.TextContent)));
    }

    [Fact]
    public void Write_DocumentsExactlyTheFieldsTheJsonFeedWriterWritesOnItems()
    {
        var urls = TestCorpus.UrlsOf() with { ExtensionAbout = About };
        var feed = JsonDocument.Parse(JsonFeedDocumentWriter.Write(_corpus.Build(), urls).Content).RootElement;

        var written = feed.GetProperty("items").EnumerateArray()
            .Where(i => i.TryGetProperty(JsonFeedDocumentWriter.Extension, out _))
            .SelectMany(i => FieldsOf(i.GetProperty(JsonFeedDocumentWriter.Extension), string.Empty))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("image.type", written); // the corpus exercises every field, or the comparison proves little
        Assert.Equal(written.Order(StringComparer.Ordinal), DocumentedIn("item"));
    }

    [Fact]
    public void Write_DocumentsExactlyTheFieldsTheJsonFeedWriterWritesOnArchivePages()
    {
        var urls = TestCorpus.UrlsOf() with { ExtensionAbout = About };
        // The oldest of two archive pages has both a subscription document and a newer page to link to.
        var navigation = FeedNavigation.For(urls, FeedFormat.Json, 1, 2);
        var feed = JsonDocument.Parse(JsonFeedDocumentWriter.Write(_corpus.Build(), urls, navigation).Content).RootElement;

        var written = FieldsOf(feed.GetProperty(JsonFeedDocumentWriter.Extension), string.Empty).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(written.Order(StringComparer.Ordinal), DocumentedIn("archive"));
    }

    public void Dispose() => _corpus.Dispose();

    /// <summary>The field names the page's table in section <paramref name="section"/> documents, in order.</summary>
    private List<string> DocumentedIn(string section) =>
        [.. Page.QuerySelectorAll($"section#{section} table tbody tr > td:first-child > code").Select(c => c.TextContent).Order(StringComparer.Ordinal)];

    /// <summary>Every field of <paramref name="extension"/>, named as the page names them: <c>image.url</c>, <c>related[].title</c>.</summary>
    private static IEnumerable<string> FieldsOf(JsonElement extension, string prefix)
    {
        foreach (var property in extension.EnumerateObject())
        {
            var name = prefix + property.Name;
            yield return name;
            var children = property.Value.ValueKind switch
            {
                JsonValueKind.Object => FieldsOf(property.Value, name + "."),
                JsonValueKind.Array => property.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).SelectMany(e => FieldsOf(e, name + "[].")),
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
            }
        }
    }
}
