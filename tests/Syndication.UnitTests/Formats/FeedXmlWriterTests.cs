using System.Text;
using System.Xml;
using System.Xml.Linq;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

/// <summary>
/// The plain-text rewrite of <see cref="FeedXmlWriter"/>: one level of encoding, whatever the text's length and
/// wherever its <c>&amp;</c> and <c>&lt;</c> fall, including the last character of its reused buffer.
/// </summary>
public sealed class FeedXmlWriterTests
{
    public static TheoryData<int> Lengths() => [.. new[] { 1, 2, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1023, 1024, 1025 }];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Write_PlainTextEndingInAmpersandOrLessThan_AtEveryBufferBoundary_ReadsBackExactly(int length)
    {
        foreach (var last in new[] { '&', '<' })
        {
            var title = new string('x', length - 1) + last;
            var related = "R" + new string('y', Math.Max(0, length - 2)) + last;
            var content = Content(title, related);

            foreach (var document in new[] { Rss20DocumentWriter.Write(content, Urls, TimeSpan.FromMinutes(5)), Atom10DocumentWriter.Write(content, Urls) })
            {
                var xml = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span));
                var titles = xml.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
                Assert.Contains(title, titles);
                Assert.Contains(related, xml.Descendants().Select(e => (string?)e.Attribute("title")));
            }
        }
    }

    [Fact]
    public void Write_RssTitles_AreEncodedOnceWithHexadecimalReferences_AndTheChannelDescriptionAsHtml()
    {
        var text = Encoding.UTF8.GetString(Rss20DocumentWriter.Write(Content("Q&A: Tom & Jerry < 3", "AT&T"), Urls, TimeSpan.FromMinutes(5)).Content.Span);

        Assert.Contains("<title>Q&#x26;A: Tom &#x26; Jerry &#x3C; 3</title>", text, StringComparison.Ordinal);
        Assert.Contains("<title>Markets &#x26; Politics</title>", text, StringComparison.Ordinal);
        Assert.Contains("<description>News &#x26;amp; views</description>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Q&#x26;amp;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RssItemDescription_StaysHtmlWithOrdinaryEscapes()
    {
        var text = Encoding.UTF8.GetString(Rss20DocumentWriter.Write(Content("T", "R", summary: "1 < 2 & 3"), Urls, TimeSpan.FromMinutes(5)).Content.Span);

        Assert.Contains("<description>1 &amp;lt; 2 &amp;amp; 3</description>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AtomTitleThatLooksLikeMarkup_IsHtmlThatDecodesToTheText()
    {
        var document = Atom10DocumentWriter.Write(Content("Use </b> to end & <b> to start", "R"), Urls);
        var entry = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span)).Descendants(Atom + "entry").Single();
        var title = entry.Element(Atom + "title")!;

        Assert.Equal("html", (string?)title.Attribute("type"));
        Assert.Equal("Use </b> to end & <b> to start", System.Net.WebUtility.HtmlDecode(title.Value));
    }

    [Fact]
    public void Write_AtomPlainTitle_IsTextConstructOfTypeText()
    {
        var document = Atom10DocumentWriter.Write(Content("Q&A: Tom & Jerry <3", "R"), Urls);
        var title = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span)).Descendants(Atom + "entry").Single().Element(Atom + "title")!;

        Assert.Equal("text", (string?)title.Attribute("type"));
        Assert.Equal("Q&A: Tom & Jerry <3", title.Value);
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.com/"), "f");

    private static FeedPage Content(string title, string related, string summary = "S")
    {
        var feed = TestEntries.Feed(1);
        var entry = TestEntries.Entry(1) with
        {
            Title = title,
            Summary = summary,
            Related = [new RelatedLink(new Uri("https://example.com/r/"), related, RelatedLinkSource.Explicit)],
        };
        return (feed with { Definition = feed.Definition with { Title = "Markets & Politics", Description = "News & views" } }).AsPage() with { Entries = [entry] };
    }
}
