using System.Text;
using System.Xml.Linq;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

/// <summary>One item object stands for every entry in turn: no entry may show another's links, tags or extensions.</summary>
public sealed class ReusableItemTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    // Newest first: the first entry has the most of everything, the next ones less, the last one again more.
    private static readonly FeedPage Feed = TestEntries.Feed(3, entry: day => day switch
    {
        3 => Entry(3, related: 3, tags: ["a", "b", "c"], image: true),
        2 => Entry(2, related: 0, tags: [], image: false),
        _ => Entry(1, related: 1, tags: ["d"], image: false),
    }).AsPage();

    private static FeedEntry Entry(int day, int related, string[] tags, bool image) => TestEntries.Entry(day) with
    {
        Author = new Person($"Author {day}"),
        Tags = tags,
        Related = [.. Enumerable.Range(1, related).Select(r => new RelatedLink(new Uri($"https://example.com/{day}/related-{r}"), $"Related {day}.{r}", RelatedLinkSource.Explicit))],
        Image = image ? new LeadImage(new Uri($"https://example.com/{day}.jpg"), $"Caption {day}", null, "image/jpeg") : null,
    };

    private static XDocument Parse(FeedDocument document) => XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span));

    [Fact]
    public void Rss_EachItemHasOnlyItsOwnLinksTagsAuthorAndPicture()
    {
        var items = Parse(Rss20DocumentWriter.Write(Feed, FeedUrls.For(new Uri("https://feeds.example.org/"), "f"), TimeSpan.FromMinutes(5)))
            .Root!.Element("channel")!.Elements("item").ToList();

        Assert.Equal([3, 0, 1], items.Select(i => i.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "related")));
        Assert.Equal(["a b c", "", "d"], items.Select(i => string.Join(' ', i.Elements("category").Select(c => c.Value))));
        Assert.Equal(["Author 3", "Author 2", "Author 1"], items.Select(i => i.Elements().Single(e => e.Name.LocalName == "creator").Value));
        Assert.Equal([1, 0, 0], items.Select(i => i.Elements(Media + "content").Count()));
        Assert.All(items, i => Assert.Equal(i.Element("link")!.Value, i.Element("guid")!.Value.Replace("tag:example.com,2026:f/", "https://example.com/", StringComparison.Ordinal) + "/"));
    }

    [Fact]
    public void Atom_EachEntryHasOnlyItsOwnLinksTagsAuthorAndEnclosure()
    {
        var entries = Parse(Atom10DocumentWriter.Write(Feed, FeedUrls.For(new Uri("https://feeds.example.org/"), "f"))).Root!.Elements(Atom + "entry").ToList();

        Assert.Equal([3, 0, 1], entries.Select(e => e.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "related")));
        Assert.Equal([1, 0, 0], entries.Select(e => e.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "enclosure")));
        Assert.Equal(["a b c", "", "d"], entries.Select(e => string.Join(' ', e.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")))));
        Assert.Equal(["Author 3", "Author 2", "Author 1"], entries.Select(e => e.Element(Atom + "author")!.Element(Atom + "name")!.Value));
        Assert.Equal(["https://example.com/1/related-1"], entries[2].Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "related").Select(l => (string?)l.Attribute("href")));
    }
}
