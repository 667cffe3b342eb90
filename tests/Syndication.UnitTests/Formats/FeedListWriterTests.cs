using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class FeedListWriterTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly List<(Syndication.Articles.FeedDefinition Definition, FeedUrls Urls)> _feeds;

    public FeedListWriterTests() =>
        _feeds = new[] { "newsroom", "world" }.Select(name => (_corpus.Build(name).Definition, TestCorpus.UrlsOf(name))).ToList();

    [Fact]
    public void WriteOpml_HasOneOutlinePerFeedWithFeedAndSiteUrls()
    {
        var document = FeedListWriter.WriteOpml("Example feeds", _feeds);
        var opml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(document.Content.Span)).Root!;

        Assert.Equal("feeds.opml", document.Name);
        Assert.Equal("text/x-opml; charset=utf-8", document.ContentType);
        Assert.Equal("2.0", (string?)opml.Attribute("version"));
        Assert.Equal("Example feeds", opml.Element("head")!.Element("title")!.Value);
        var outlines = opml.Element("body")!.Elements("outline").ToList();
        Assert.Equal(2, outlines.Count);
        var world = outlines.Single(o => (string?)o.Attribute("title") == "World");
        Assert.Equal("rss", (string?)world.Attribute("type"));
        Assert.Equal("World", (string?)world.Attribute("text"));
        Assert.Equal(TestCorpus.UrlsOf("world").Rss.AbsoluteUri, (string?)world.Attribute("xmlUrl"));
        Assert.Equal("https://news.example.com/world/", (string?)world.Attribute("htmlUrl"));
    }

    [Fact]
    public void WritePage_ListsEveryFeedWithAutodiscoveryForEach()
    {
        var document = FeedListWriter.WritePage("Example feeds", _feeds, new Uri("http://127.0.0.1:10000/devstoreaccount1/feeds/feeds.opml"));
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(document.Content.Span));

        Assert.Equal("index.html", document.Name);
        Assert.Equal(["From the newsroom", "World"], page.QuerySelectorAll("main h2 a").Select(a => a.TextContent));
        Assert.Equal(6, page.Head!.QuerySelectorAll("link[rel=alternate]").Length);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/feeds/feeds.opml", page.QuerySelector("a[type='text/x-opml']")!.GetAttribute("href"));
    }

    public void Dispose() => _corpus.Dispose();
}
