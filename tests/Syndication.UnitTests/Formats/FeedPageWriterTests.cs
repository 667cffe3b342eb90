using AngleSharp.Html.Parser;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class FeedPageWriterTests
{
    private readonly FeedDocument _document = FeedPageWriter.Write(SeedFeed.Build(), SeedFeed.Urls);

    private AngleSharp.Html.Dom.IHtmlDocument Page => new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(_document.Content.Span));

    [Fact]
    public void Write_NamesTheBlobAndContentType()
    {
        Assert.Equal("world/index.html", _document.Name);
        Assert.Equal("text/html; charset=utf-8", _document.ContentType);
        Assert.Equal(DocumentKind.Page, _document.Kind);
    }

    [Fact]
    public void Write_HasAutodiscoveryLinksForAllThreeFormats()
    {
        var links = Page.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();

        Assert.Equal(
        [
            ("application/rss+xml", SeedFeed.Urls.Rss.AbsoluteUri),
            ("application/atom+xml", SeedFeed.Urls.Atom.AbsoluteUri),
            ("application/feed+json", SeedFeed.Urls.Json.AbsoluteUri),
        ], links);
    }

    [Fact]
    public void Write_ShowsTitleDescriptionAndSubscribeButtons()
    {
        var page = Page;

        Assert.Equal("World", page.Title);
        Assert.Equal("World", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["RSS", "Atom", "JSON Feed"], page.QuerySelectorAll(".subscribe a").Select(a => a.TextContent));
    }

    [Fact]
    public void Write_ListsEveryEntryWithItsLinkDateAndRelatedLinks()
    {
        var content = SeedFeed.Build();
        var articles = Page.QuerySelectorAll("main article").ToList();

        Assert.Equal(content.Entries.Count, articles.Count);
        var seed = SeedFeed.SeedEntry(content);
        var article = articles.Single(a => a.QuerySelector("h2 a")!.TextContent == seed.Title);
        Assert.Equal(seed.Link.AbsoluteUri, article.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("2026-11-20T08:15:30Z", article.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", article.QuerySelector("a[rel=related]")!.TextContent);
    }

    [Fact]
    public void Write_EncodesTextSoItNeverBecomesMarkup()
    {
        using var corpus = new TestCorpus().Article("world/030_markup.txt", "<script>alert(1)</script> title\n\n<img src=x onerror=alert(1)> body\n");

        var html = System.Text.Encoding.UTF8.GetString(FeedPageWriter.Write(corpus.Build(), TestCorpus.UrlsOf()).Content.Span);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; title", html, StringComparison.Ordinal);
    }

    // Images: the logo (else the icon) heads the page, named by the feed's title; the icon is the tab's icon.
    [Theory]
    [InlineData("https://news.example.com/i.png", "https://news.example.com/l.png", "https://news.example.com/l.png")]
    [InlineData("https://news.example.com/i.png", null, "https://news.example.com/i.png")]
    [InlineData(null, "https://news.example.com/l.svg", "https://news.example.com/l.svg")]
    public void Write_Images_ShowsTheLogoInTheHeaderWithAlternativeText(string? icon, string? logo, string shown)
    {
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(
            FeedPageWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), icon, logo), SeedFeed.Urls).Content.Span));

        var image = Assert.Single(page.QuerySelectorAll("img"));
        Assert.Equal("header", image.ParentElement!.LocalName);
        Assert.Equal(shown, image.GetAttribute("src"));
        Assert.Equal("World", image.GetAttribute("alt"));
        Assert.Equal(icon, page.Head!.QuerySelector("link[rel=icon]")?.GetAttribute("href"));
    }

    [Fact]
    public void Write_NoImages_ShowsNoImage()
    {
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(
            FeedPageWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), null, null), SeedFeed.Urls).Content.Span));

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Null(page.Head!.QuerySelector("link[rel=icon]"));
    }
}
