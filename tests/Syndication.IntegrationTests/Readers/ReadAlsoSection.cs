using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndication.Tests.Readers;

/// <summary>
/// The "Read also" list at the end of an entry's content as a reader renders the HTML it kept: a heading reading
/// "Read also", then a list of links, and nothing after it.
/// </summary>
internal static class ReadAlsoSection
{
    private static readonly HtmlParser Html = new();

    /// <summary>
    /// The links (shown text and target) of the list that ends <paramref name="contentHtml"/>: none when the content
    /// ends otherwise, and a failure when a "Read also" heading is not followed by a list of links that ends the content.
    /// </summary>
    public static IReadOnlyList<(string Title, string Href)> LinksAtEnd(string contentHtml)
    {
        var document = Html.ParseDocument(string.Empty);
        document.Body!.InnerHtml = contentHtml;
        var headings = document.Body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Where(h => ReaderText.Folded(h.TextContent) == "Read also").ToList();
        if (headings.Count == 0)
        {
            return [];
        }

        var list = Assert.Single(headings).NextElementSibling;
        Assert.True(list is { TagName: "UL" }, $"No list follows the \"Read also\" heading:\n{contentHtml}");
        // Nothing shown after the list: only white space may follow it.
        Assert.True(list.Parent == document.Body && string.IsNullOrWhiteSpace(TextAfter(list)), $"Text follows the \"Read also\" list:\n{contentHtml}");
        return [.. list.Children.Select(item =>
        {
            Assert.Equal("LI", item.TagName);
            var link = Assert.Single(item.Children);
            Assert.Equal("A", link.TagName);
            Assert.Equal(item.TextContent, link.TextContent);
            return (ReaderText.Folded(link.TextContent), link.GetAttribute("href") ?? string.Empty);
        })];
    }

    private static string TextAfter(IElement element)
    {
        var text = string.Empty;
        for (var node = element.NextSibling; node is not null; node = node.NextSibling)
        {
            text += node.TextContent;
        }

        return text;
    }

    /// <summary>
    /// Checks that <paramref name="contentHtml"/>, as a reader kept it, ends with the editor's related titles of
    /// <paramref name="article"/> in the order written, then only titles of the feed's other articles.
    /// </summary>
    public static void AssertEndsContent(HostileArticle article, string contentHtml)
    {
        var links = LinksAtEnd(contentHtml);
        var editors = article.Related.Select(r => ReaderText.Folded(r.Title)).ToList();
        Assert.Equal(ReaderAssert.Joined(editors), ReaderAssert.Joined(links.Take(editors.Count).Select(l => l.Title)));
        Assert.Equal(
            article.Related.Where(r => r.Url is not null).Select(r => r.Url),
            article.Related.Zip(links).Where(p => p.First.Url is not null).Select(p => p.Second.Href));
        var others = HostileFeed.Articles.Where(a => a != article).Select(a => a.ShownTitle).ToList();
        Assert.All(links.Skip(editors.Count), l => Assert.Contains(l.Title, others));
    }
}
