using System.Text;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// The related links as the HTML that ends an entry's content: most readers (newsboat, JSON Feed readers) show no
/// <c>rel="related"</c> link, but every reader shows the content.
/// </summary>
internal static class ReadAlsoList
{
    /// <summary>The heading above the links.</summary>
    public const string Heading = "Read also";

    /// <summary>
    /// A heading and a list of links, in the order given (the editor's first, then the computed ones); empty when
    /// there is no link. Only a heading, a list and plain links: nothing a sanitiser or reader would drop.
    /// </summary>
    public static string Html(IReadOnlyList<RelatedLink> related)
    {
        ArgumentNullException.ThrowIfNull(related);
        if (related.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<h2>").Append(Heading).Append("</h2>\n<ul>\n");
        foreach (var link in related)
        {
            html.Append("<li><a href=\"").Append(PlainText.HtmlEncode(link.Href.AbsoluteUri)).Append("\">")
                .Append(PlainText.HtmlEncode(link.Title)).Append("</a></li>\n");
        }

        return html.Append("</ul>").ToString();
    }
}
