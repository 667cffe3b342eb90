using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

/// <summary>
/// What the W3C feed validator checks, encoded as tests so that CI enforces it without running the validator.
/// Each test is one rule, run on feeds with the awkward input that breaks it in other feed libraries.
/// </summary>
public sealed partial class ValidatorRulesTests : IDisposable
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Media = FeedNamespaces.Media;

    private readonly TestCorpus _corpus = new TestCorpus()
        .Article("world/010_markup.md", """
            ---
            tags: ["C&C", "<Tag>"]
            summary: "Summary with <b>markup</b> & an ampersand ]]> end"
            image: { url: "https://news.example.com/i/p.jpg", caption: "A caption", credit: "Agency" }
            ---
            # Title with <b>bold</b> & "quotes" ]]> and a `<tag>`

            A [relative link](../other/) and ![a picture](/img/a.png) and a [page](page.html).
            """)
        .Article("world/011_plain.txt", "Plain title with <b>tags</b> & ]]>\n\nBody with <b>markup</b> & ]]>.\n");

    private string Rss => Text(Rss20DocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf(), TimeSpan.FromMinutes(5)));

    private string AtomText => Text(Atom10DocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf()));

    [Fact]
    public void SelfLink_IsTheDocumentsOwnUrl()
    {
        var urls = TestCorpus.UrlsOf();

        Assert.Equal(urls.Rss.AbsoluteUri, Links(XDocument.Parse(Rss).Root!.Element("channel")!, Atom + "link", "self").Single());
        Assert.Equal(urls.Atom.AbsoluteUri, Links(XDocument.Parse(AtomText).Root!, Atom + "link", "self").Single());
    }

    [Fact]
    public void Rfc822Dates_NeverEndInZ()
    {
        var dates = XDocument.Parse(Rss).Descendants().Where(e => e.Name.LocalName is "pubDate" or "lastBuildDate").Select(e => e.Value).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, date => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d (GMT|[+-]\d{4})$", date));
    }

    [Fact]
    public void Guid_ThatIsNotAUrl_IsMarkedNotAPermalink()
    {
        var guids = XDocument.Parse(Rss).Descendants("guid").ToList();

        Assert.NotEmpty(guids);
        Assert.All(guids, guid => Assert.True(
            (string?)guid.Attribute("isPermaLink") == "false" || guid.Value.StartsWith("http", StringComparison.Ordinal),
            guid.Value));
    }

    [Fact]
    public void Namespaces_UseTheirUsualPrefixesDeclaredOnceOnTheRoot()
    {
        var rss = Rss;

        Assert.DoesNotContain("a10", rss, StringComparison.Ordinal);
        foreach (var (prefix, ns) in new[] { ("atom", FeedNamespaces.Atom), ("content", FeedNamespaces.Content), ("dc", FeedNamespaces.DublinCore), ("media", FeedNamespaces.Media) })
        {
            Assert.Single(Regex.Matches(rss, $"xmlns:{prefix}=\"{Regex.Escape(ns)}\""));
            Assert.Equal(prefix, XDocument.Parse(rss).Root!.GetPrefixOfNamespace(ns));
        }
    }

    [Fact]
    public void MediaRssNamespace_KeepsItsTrailingSlash()
    {
        Assert.Equal("http://search.yahoo.com/mrss/", FeedNamespaces.Media);
        Assert.NotEmpty(XDocument.Parse(Rss).Descendants(Media + "content"));
    }

    [Fact]
    public void AtomFeed_HasAnAuthorAndEveryEntryToo()
    {
        var feed = XDocument.Parse(AtomText).Root!;

        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.All(feed.Elements(Atom + "entry"), entry => Assert.NotNull(entry.Element(Atom + "author")));
    }

    [Fact]
    public void Ids_AreAbsoluteUris()
    {
        var ids = XDocument.Parse(AtomText).Descendants(Atom + "id").Select(e => e.Value)
            .Concat(XDocument.Parse(Rss).Descendants("guid").Select(e => e.Value)).ToList();

        Assert.All(ids, id => Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), id));
    }

    [Fact]
    public void UrlsInContent_AreAbsolute()
    {
        var content = XDocument.Parse(AtomText).Descendants(Atom + "content").Select(e => e.Value).ToList();
        var urls = content.SelectMany(html => UrlAttribute().Matches(html).Select(m => m.Groups["url"].Value)).ToList();

        Assert.Contains("https://news.example.com/world/other/", urls);
        Assert.Contains("https://news.example.com/img/a.png", urls);
        Assert.All(urls, url => Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _), url));
    }

    [Fact]
    public void RssPlainText_WritesAmpersandAndLessThanAsHexReferences()
    {
        var rss = Rss;

        Assert.Contains("<category>C&#x26;C</category>", rss, StringComparison.Ordinal);
        Assert.Contains("<category>&#x3C;Tag&gt;</category>", rss, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(title|category|dc:creator)>[^<]*&(lt|amp);", rss);
    }

    [Fact]
    public void RssTitle_WithMarkupInItsText_IsPlainTextEncodedOnce()
    {
        // RSS titles are plain text (RSS Best Practices Profile): newsboat shows them as such, so a second, HTML
        // level of encoding would show as "&lt;b&gt;".
        var title = XDocument.Parse(Rss).Descendants("item").Select(i => i.Element("title")!.Value).Single(t => t.StartsWith("Plain", StringComparison.Ordinal));

        Assert.Equal("Plain title with <b>tags</b> & ]]>", title);
        Assert.Contains("<title>Plain title with &#x3C;b&gt;tags&#x3C;/b&gt; &#x26; ]]&gt;</title>", Rss, StringComparison.Ordinal);
    }

    [Fact]
    public void AtomTextThatLooksLikeMarkup_IsDeclaredHtml()
    {
        var entries = XDocument.Parse(AtomText).Root!.Elements(Atom + "entry").ToList();
        var plain = entries.Single(e => e.Element(Atom + "title")!.Value.Contains("Plain", StringComparison.Ordinal));
        var seed = entries.Single(e => e.Element(Atom + "title")!.Value.StartsWith("1,6", StringComparison.Ordinal));

        Assert.Equal("html", (string?)plain.Element(Atom + "title")!.Attribute("type"));
        Assert.Equal("Plain title with &lt;b&gt;tags&lt;/b&gt; &amp; ]]&gt;", plain.Element(Atom + "title")!.Value);
        Assert.Equal("text", (string?)seed.Element(Atom + "title")!.Attribute("type"));
    }

    [Fact]
    public void AtomAlternateLinks_AreOnePerMediaType()
    {
        var alternates = Links(XDocument.Parse(AtomText).Root!, Atom + "link", "alternate", attribute: "type");

        Assert.Equal(alternates.Count, alternates.Distinct(StringComparer.Ordinal).Count());
        // The site's page last: newsboat takes the last alternate as the feed's link.
        Assert.Equal(["application/rss+xml", "application/feed+json", "text/html"], alternates);
    }

    [Fact]
    public void CdataTerminatorInText_NeverBreaksTheDocuments()
    {
        // "]]>" may not stand in XML text; the writers escape its ">" and use no CDATA sections.
        Assert.DoesNotContain("]]>", Rss + AtomText, StringComparison.Ordinal);
        Assert.DoesNotContain("<![CDATA[", Rss + AtomText, StringComparison.Ordinal);
        var atomTitles = XDocument.Parse(AtomText).Descendants(Atom + "title").Select(t => t.Value);
        Assert.Contains(atomTitles, title => title.Contains("]]&gt;", StringComparison.Ordinal));
        Assert.Contains(XDocument.Parse(Rss).Descendants("description").Select(d => d.Value), d => d.Contains("]]&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void RssTtl_IsThePublishingIntervalInMinutes()
    {
        var rss = Text(Rss20DocumentWriter.Write(_corpus.Build(), TestCorpus.UrlsOf(), TimeSpan.FromSeconds(150)));

        Assert.Equal("3", XDocument.Parse(rss).Root!.Element("channel")!.Element("ttl")!.Value);
    }

    public void Dispose() => _corpus.Dispose();

    private static string Text(FeedDocument document) => Encoding.UTF8.GetString(document.Content.Span);

    private static List<string> Links(XElement parent, XName name, string rel, string attribute = "href") =>
        parent.Elements(name).Where(l => (string?)l.Attribute("rel") == rel).Select(l => (string?)l.Attribute(attribute) ?? string.Empty).ToList();

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
