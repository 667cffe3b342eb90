using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class Rss20DocumentWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly FeedDocument _document = Rss20DocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls, SeedFeed.Interval);

    private XDocument Xml => XDocument.Parse(Encoding.UTF8.GetString(_document.Content.Span));

    private XElement SeedItem => Xml.Root!.Element("channel")!.Elements("item")
        .Single(i => i.Element("title")!.Value.StartsWith("1,6 million", StringComparison.Ordinal));

    [Fact]
    public void Write_NamesTheBlobAndContentType()
    {
        Assert.Equal("world/rss.xml", _document.Name);
        Assert.Equal("application/rss+xml; charset=utf-8", _document.ContentType);
    }

    [Fact]
    public void Write_ReadsBackWithSyndicationFeedLoad()
    {
        using var reader = XmlReader.Create(new MemoryStream(_document.Content.ToArray()));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("World", feed.Title.Text);
        var item = feed.Items.Single(i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
        Assert.Equal("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated", item.Title.Text);
        Assert.Equal(SeedFeed.FirstPublished, item.PublishDate);
        Assert.Equal(new Uri("https://news.example.com/world/1-6-million-artillery-shells-north-koreas-contribution-to-russias-war-estimated/"), item.Links.Single(l => l.RelationshipType is null or "alternate").Uri);
        var related = item.Links.Single(l => l.RelationshipType == "related");
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", related.Title);
        Assert.Equal(new Uri("https://news.example.com/world/serbias-ammunition-ends-up-in-ukraine-through-various-countries/"), related.Uri);
    }

    [Fact]
    public void Write_DeclaresAtomWithTheAtomPrefixOnceOnTheRoot()
    {
        var text = Encoding.UTF8.GetString(_document.Content.Span);

        Assert.DoesNotContain("a10", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "xmlns:atom="));
        Assert.Equal("atom", Xml.Root!.GetPrefixOfNamespace(Atom));
        Assert.Equal("content", Xml.Root!.GetPrefixOfNamespace(Content));
        Assert.Equal("dc", Xml.Root!.GetPrefixOfNamespace(DublinCore));
    }

    [Fact]
    public void Write_HasNoByteOrderMark() =>
        Assert.False(_document.Content.Span.StartsWith("\uFEFF"u8));

    [Fact]
    public void Write_WritesRfc822DatesInGmtNeverZ()
    {
        var channel = Xml.Root!.Element("channel")!;

        Assert.Equal("Fri, 20 Nov 2026 08:15:30 GMT", SeedItem.Element("pubDate")!.Value);
        Assert.Equal("Fri, 20 Nov 2026 08:15:30 GMT", channel.Element("lastBuildDate")!.Value);
    }

    [Fact]
    public void Write_LinksToItselfWithTheAtomSelfLink()
    {
        var self = Xml.Root!.Element("channel")!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");

        Assert.Equal(SeedFeed.Urls.Rss.AbsoluteUri, (string?)self.Attribute("href"));
        Assert.Equal("application/rss+xml", (string?)self.Attribute("type"));
    }

    [Fact]
    public void Write_MarksTheTagGuidAsNotAPermalink()
    {
        var guid = SeedItem.Element("guid")!;

        Assert.Equal("false", (string?)guid.Attribute("isPermaLink"));
        Assert.StartsWith("tag:news.example.com,2026-11-20:world/", guid.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PutsTheAuthorInDcCreatorAndTheBodyInContentEncoded()
    {
        Assert.Null(SeedItem.Element("author"));
        Assert.Equal("Example Newsroom", SeedItem.Element(DublinCore + "creator")!.Value);
        var html = SeedItem.Element(Content + "encoded")!.Value;
        Assert.StartsWith("<figure><figcaption>Vladimir Putin and Kim Jong Un meeting on June 19. <small>Photo: MFA Russia/X</small></figcaption></figure>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Ahead of the meeting of Putin and Kim Jong Un", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EncodesTheSummaryAsHtmlText()
    {
        var content = SeedFeed.Build();
        var entry = SeedFeed.SeedEntry(content) with { Summary = "1 < 2 & <b>not bold</b>" };
        var document = Rss20DocumentWriter.Write(content with { Entries = [entry] }, SeedFeed.Urls, SeedFeed.Interval);

        var description = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span)).Root!.Element("channel")!.Element("item")!.Element("description")!.Value;

        Assert.Equal("1 &lt; 2 &amp; &lt;b&gt;not bold&lt;/b&gt;", description);
    }

    [Fact]
    public void Write_SameContent_GivesTheSameBytes() =>
        Assert.True(_document.Content.Span.SequenceEqual(Rss20DocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls, SeedFeed.Interval).Content.Span));

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    // Images: RSS has one <image>, a GIF, JPEG or PNG; the wide logo first, else the square icon.
    [Theory]
    [InlineData("https://news.example.com/i.png", "https://news.example.com/l.png", "https://news.example.com/l.png")]
    [InlineData("https://news.example.com/i.png", null, "https://news.example.com/i.png")]
    [InlineData(null, "https://news.example.com/l.jpeg", "https://news.example.com/l.jpeg")]
    [InlineData(null, "https://news.example.com/logo?size=wide", "https://news.example.com/logo?size=wide")]
    [InlineData("https://news.example.com/i.gif", "https://news.example.com/l.svg", "https://news.example.com/i.gif")]
    [InlineData("https://news.example.com/i.webp", "https://news.example.com/l.svg", null)]
    [InlineData(null, null, null)]
    public void Write_Images_WritesTheChannelImageAnIndependentReaderFinds(string? icon, string? logo, string? expected)
    {
        var document = Rss20DocumentWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), icon, logo), SeedFeed.Urls, SeedFeed.Interval);

        using var reader = XmlReader.Create(new MemoryStream(document.Content.ToArray()));
        Assert.Equal(expected, SyndicationFeed.Load(reader).ImageUrl?.AbsoluteUri);
        var parsed = CodeHollow.FeedReader.FeedReader.ReadFromByteArray(document.Content.ToArray());
        Assert.Equal(expected, ((CodeHollow.FeedReader.Feeds.Rss20Feed)parsed.SpecificFeed).Image?.Url);
    }

    [Fact]
    public void Write_Image_HasTheChannelTitleAndLinkAndNoSizeItDoesNotKnow()
    {
        var channel = XDocument.Parse(Encoding.UTF8.GetString(Rss20DocumentWriter.Write(
            SeedFeed.WithImages(SeedFeed.Build(), null, "https://news.example.com/l.png"), SeedFeed.Urls, SeedFeed.Interval).Content.Span)).Root!.Element("channel")!;

        var image = Assert.Single(channel.Elements("image"));

        Assert.Equal(["url", "title", "link"], image.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(channel.Element("title")!.Value, image.Element("title")!.Value);
        Assert.Equal(channel.Element("link")!.Value, image.Element("link")!.Value);
        // RSS 2.0: the channel's elements come before its items.
        Assert.True(image.ElementsAfterSelf("item").Any());
        Assert.False(image.ElementsBeforeSelf("item").Any());
    }
}
