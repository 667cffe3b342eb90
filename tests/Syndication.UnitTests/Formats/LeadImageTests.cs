using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

/// <summary>The lead picture in every format: Media RSS and an Atom enclosure with a URL, a figure in the HTML without one.</summary>
public sealed class LeadImageTests : IDisposable
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Media = FeedNamespaces.Media;

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

    [Fact]
    public void Rss_WithImageUrl_WritesMediaContentWithCreditAndDescription()
    {
        var item = RssItem("A pictured story");

        var media = item.Element(Media + "content")!;
        Assert.Equal("https://news.example.com/images/port.webp", (string?)media.Attribute("url"));
        Assert.Equal("image/webp", (string?)media.Attribute("type"));
        Assert.Equal("image", (string?)media.Attribute("medium"));
        Assert.Equal("Agency & Partners", media.Element(Media + "credit")!.Value);
        Assert.Equal("Containers at the port of Rajin.", media.Element(Media + "title")!.Value);
        Assert.Equal("plain", (string?)media.Element(Media + "title")!.Attribute("type"));
    }

    [Fact]
    public void Rss_WithoutImageUrl_WritesNoMediaElement() =>
        Assert.Empty(RssItem("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated").Elements(Media + "content"));

    [Fact]
    public void Atom_WithImageUrl_WritesAnEnclosureWithItsType()
    {
        var entry = XDocument.Parse(Text(Atom10DocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf()))).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "title")!.Value == "A pictured story");

        var enclosure = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal("https://news.example.com/images/port.webp", (string?)enclosure.Attribute("href"));
        Assert.Equal("image/webp", (string?)enclosure.Attribute("type"));
    }

    [Fact]
    public void Content_WithImageUrl_StartsWithTheFigure()
    {
        var entry = _corpus.Build().Entries.Single(e => e.Title == "A pictured story");

        Assert.StartsWith("<figure><img src=\"https://news.example.com/images/port.webp\" alt=\"Containers at the port of Rajin.\"><figcaption>Containers at the port of Rajin. <small>Photo: Agency &amp; Partners</small></figcaption></figure>", entry.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFeed_WithImageUrl_SetsTheItemImage()
    {
        var items = JsonDocument.Parse(JsonFeedDocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf()).Content).RootElement.GetProperty("items");

        var item = items.EnumerateArray().Single(i => i.GetProperty("title").GetString() == "A pictured story");
        Assert.Equal("https://news.example.com/images/port.webp", item.GetProperty("image").GetString());
    }

    [Fact]
    public void ImageUrlThatIsNotHttp_IsDroppedWithAWarningNamingTheFile()
    {
        using var corpus = new TestCorpus().Article("world/021_bad.md", "---\nimage: javascript:alert(1)\n---\n# Bad picture\n\nBody.\n");

        var entry = corpus.Build().Entries.Single(e => e.Title == "Bad picture");

        Assert.Null(entry.Image);
        var warning = Assert.Single(corpus.Diagnostics);
        Assert.EndsWith("021_bad.md", warning.File, StringComparison.Ordinal);
        Assert.Equal(2, warning.Line);
    }

    public void Dispose() => _corpus.Dispose();

    private XElement RssItem(string title) =>
        XDocument.Parse(Text(Rss20DocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf(), TimeSpan.FromMinutes(5))))
            .Descendants("item").Single(i => i.Element("title")!.Value == title);

    private static string Text(FeedDocument document) => Encoding.UTF8.GetString(document.Content.Span);
}
