using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>
/// Writes a feed's <c>index.html</c>: a page for people with the feed's entries, buttons to subscribe by RSS,
/// Atom or JSON Feed, and the autodiscovery links browsers and readers look for.
/// </summary>
internal static class FeedPageWriter
{
    /// <summary>Writes the page of <paramref name="content"/>.</summary>
    public static FeedDocument Write(FeedPage content, FeedUrls urls)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(urls);
        var definition = content.Definition;
        var html = HtmlPage.Begin(definition.Language, definition.Title, Alternates(definition.Title, urls), definition.Icon);
        html.Append("<header>\n");
        if ((definition.Logo ?? definition.Icon) is Uri image)
        {
            // The image's size is unknown: the style keeps a large one from pushing the entries off the screen. Its
            // alternative text is the feed's name, which a logo usually shows.
            html.Append("<img class=\"logo\" src=\"").Append(HtmlPage.Encode(image.AbsoluteUri)).Append("\" alt=\"")
                .Append(HtmlPage.Encode(definition.Title)).Append("\" style=\"display: block; max-width: 100%; max-height: 4rem;\">\n");
        }

        html.Append("<h1>").Append(HtmlPage.Encode(definition.Title)).Append("</h1>\n")
            .Append("<p>").Append(HtmlPage.Encode(definition.Description)).Append(" <a href=\"")
            .Append(HtmlPage.Encode(definition.Link.AbsoluteUri)).Append("\">Visit the site</a></p>\n");
        AppendSubscribeButtons(html, urls);
        html.Append("</header>\n<main>\n");
        foreach (var entry in content.Entries)
        {
            html.Append("<article>\n<h2><a href=\"").Append(HtmlPage.Encode(entry.Link.AbsoluteUri)).Append("\">")
                .Append(HtmlPage.Encode(entry.Title)).Append("</a></h2>\n")
                .Append("<p class=\"meta\">").Append(HtmlPage.Time(entry.Published)).Append(" · ")
                .Append(HtmlPage.Encode(entry.Author.Name)).Append("</p>\n")
                .Append("<p>").Append(HtmlPage.Encode(entry.Summary)).Append("</p>\n");
            if (entry.Related.Count > 0)
            {
                html.Append("<ul class=\"related\">\n");
                foreach (var related in entry.Related)
                {
                    html.Append("<li>Read also: <a rel=\"related\" href=\"").Append(HtmlPage.Encode(related.Href.AbsoluteUri)).Append("\">")
                        .Append(HtmlPage.Encode(related.Title)).Append("</a></li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("</article>\n");
        }

        html.Append("</main>\n<footer>Updated ").Append(HtmlPage.Time(content.Updated)).Append(" · ")
            .Append(HtmlPage.Encode(FeedGenerator.Text)).Append("</footer>\n");
        return new FeedDocument(FeedDocumentSet.NameOf(content.Name, FeedUrls.PageFileName), HtmlPage.End(html), FeedMediaTypes.WithCharset(FeedMediaTypes.Html), DocumentKind.Page);
    }

    internal static IEnumerable<(string Type, string Title, Uri Href)> Alternates(string title, FeedUrls urls) =>
    [
        (FeedMediaTypes.Rss, $"{title} (RSS)", urls.Rss),
        (FeedMediaTypes.Atom, $"{title} (Atom)", urls.Atom),
        (FeedMediaTypes.Json, $"{title} (JSON Feed)", urls.Json),
    ];

    internal static void AppendSubscribeButtons(System.Text.StringBuilder html, FeedUrls urls) =>
        html.Append("<nav class=\"subscribe\" aria-label=\"Subscribe\">")
            .Append("<a type=\"").Append(FeedMediaTypes.Rss).Append("\" href=\"").Append(HtmlPage.Encode(urls.Rss.AbsoluteUri)).Append("\">RSS</a>")
            .Append("<a type=\"").Append(FeedMediaTypes.Atom).Append("\" href=\"").Append(HtmlPage.Encode(urls.Atom.AbsoluteUri)).Append("\">Atom</a>")
            .Append("<a type=\"").Append(FeedMediaTypes.Json).Append("\" href=\"").Append(HtmlPage.Encode(urls.Json.AbsoluteUri)).Append("\">JSON Feed</a>")
            .Append("</nav>\n");
}
