using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class Atom10DocumentWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly FeedDocument _document = Atom10DocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls);

    private XDocument Xml => XDocument.Parse(Encoding.UTF8.GetString(_document.Content.Span));

    private XElement SeedEntry => Xml.Root!.Elements(Atom + "entry")
        .Single(e => e.Element(Atom + "title")!.Value.StartsWith("1,6 million", StringComparison.Ordinal));

    [Fact]
    public void Write_NamesTheBlobAndContentType()
    {
        Assert.Equal("world/atom.xml", _document.Name);
        Assert.Equal("application/atom+xml; charset=utf-8", _document.ContentType);
    }

    [Fact]
    public void Write_ReadsBackWithSyndicationFeedLoad()
    {
        using var reader = XmlReader.Create(new MemoryStream(_document.Content.ToArray()));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("World", feed.Title.Text);
        Assert.Equal("Example Newsroom", Assert.Single(feed.Authors).Name);
        Assert.StartsWith("tag:news.example.com,2026-11-20:world", feed.Id, StringComparison.Ordinal);
        var item = feed.Items.Single(i => i.Title.Text.StartsWith("1,6 million", StringComparison.Ordinal));
        Assert.Equal(SeedFeed.FirstPublished, item.PublishDate);
        Assert.Equal(SeedFeed.FirstPublished, item.LastUpdatedTime);
        Assert.Equal("Example Newsroom", Assert.Single(item.Authors).Name);
        Assert.StartsWith("The Washington Post has analyzed", item.Summary.Text, StringComparison.Ordinal);
        var content = Assert.IsType<TextSyndicationContent>(item.Content);
        Assert.Equal("html", content.Type);
        Assert.Contains("<small>Photo: MFA Russia/X</small>", content.Text, StringComparison.Ordinal);
        var related = item.Links.Single(l => l.RelationshipType == "related");
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", related.Title);
    }

    [Fact]
    public void Write_LinksToItselfAndToTheSite()
    {
        var links = Xml.Root!.Elements(Atom + "link").ToList();

        Assert.Equal(SeedFeed.Urls.Atom.AbsoluteUri, links.Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("https://news.example.com/world/", links.Single(l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("type") == "text/html").Attribute("href")!.Value);
    }

    [Fact]
    public void Write_DeclaresTheLanguage() =>
        Assert.Equal("en", (string?)Xml.Root!.Attribute(XNamespace.Xml + "lang"));

    [Fact]
    public void Write_GivesEveryEntryAnAbsoluteIdAndBothDates()
    {
        Assert.True(Uri.IsWellFormedUriString(SeedEntry.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.Equal("2026-11-20T08:15:30Z", SeedEntry.Element(Atom + "published")!.Value);
        Assert.Equal("2026-11-20T08:15:30Z", SeedEntry.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Write_UsesTheNewestEntryAsTheFeedsDate() =>
        Assert.Equal("2026-11-20T08:15:30Z", Xml.Root!.Element(Atom + "updated")!.Value);

    [Fact]
    public void Write_HasNoByteOrderMark() =>
        Assert.False(_document.Content.Span.StartsWith("\uFEFF"u8));

    [Fact]
    public void Write_SameContent_GivesTheSameBytes() =>
        Assert.True(_document.Content.Span.SequenceEqual(Atom10DocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls).Content.Span));

    // Images: Atom has a slot for each, icon (square) and logo (wide), read by independent readers.
    [Theory]
    [InlineData("https://news.example.com/i.png", "https://news.example.com/l.png")]
    [InlineData("https://news.example.com/i.svg", null)]
    [InlineData(null, "https://news.example.com/l.webp")]
    [InlineData(null, null)]
    public void Write_Images_WritesIconAndLogoAsFeedElements(string? icon, string? logo)
    {
        var document = Atom10DocumentWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), icon, logo), SeedFeed.Urls);

        var root = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span)).Root!;
        Assert.Equal(icon, root.Elements(Atom + "icon").SingleOrDefault()?.Value);
        Assert.Equal(logo, root.Elements(Atom + "logo").SingleOrDefault()?.Value);
        // Feed metadata comes before the entries.
        Assert.All(root.Elements().Where(e => e.Name == Atom + "icon" || e.Name == Atom + "logo"), e => Assert.Empty(e.ElementsBeforeSelf(Atom + "entry")));
        using var reader = XmlReader.Create(new MemoryStream(document.Content.ToArray()));
        Assert.Equal(logo, SyndicationFeed.Load(reader).ImageUrl?.AbsoluteUri);
        var atom = (CodeHollow.FeedReader.Feeds.AtomFeed)CodeHollow.FeedReader.FeedReader.ReadFromByteArray(document.Content.ToArray()).SpecificFeed;
        Assert.Equal(icon, atom.Icon);
        Assert.Equal(logo, atom.Logo);
    }
}
