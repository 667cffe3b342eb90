using System.Globalization;
using System.Text;
using Syndication.Articles;

namespace Syndication.Formats;

/// <summary>What the pages for people share: the document frame, the style, and encoding helpers.</summary>
internal static class HtmlPage
{
    private const string Style = """
        :root { color-scheme: light dark; --accent: #b3261e; }
        body { font: 17px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        header { border-bottom: 1px solid #8884; margin-bottom: 1.5rem; }
        h1 { margin: 0 0 .25rem; font-size: 1.9rem; }
        .subscribe { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0 1.25rem; }
        .subscribe a { border: 1px solid var(--accent); color: var(--accent); border-radius: 999px; padding: .3rem .9rem; text-decoration: none; font-weight: 600; }
        .subscribe a:hover { background: var(--accent); color: #fff; }
        article { margin: 0 0 1.75rem; }
        article h2 { font-size: 1.2rem; margin: 0 0 .2rem; }
        article h2 a { color: inherit; }
        .meta { color: #777; font-size: .9rem; margin: 0 0 .4rem; }
        .related { font-size: .92rem; margin: .3rem 0 0; padding-left: 1.2rem; }
        footer { color: #777; font-size: .85rem; border-top: 1px solid #8884; padding-top: 1rem; }
        """;

    /// <param name="language">The page's language.</param>
    /// <param name="title">The page's title.</param>
    /// <param name="alternates">The feeds to announce for autodiscovery.</param>
    /// <param name="icon">The square image browsers show in the tab, if any.</param>
    /// <param name="style">Rules that only this page needs, after the shared ones, if any.</param>
    public static StringBuilder Begin(string language, string title, IEnumerable<(string Type, string Title, Uri Href)> alternates, Uri? icon = null,
        string? style = null)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"").Append(Encode(FeedGenerator.Text)).Append("\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n");
        foreach (var (type, linkTitle, href) in alternates)
        {
            html.Append("<link rel=\"alternate\" type=\"").Append(type).Append("\" title=\"").Append(Encode(linkTitle))
                .Append("\" href=\"").Append(Encode(href.AbsoluteUri)).Append("\">\n");
        }

        if (icon is not null)
        {
            html.Append("<link rel=\"").Append(LinkRelations.Icon).Append("\" href=\"").Append(Encode(icon.AbsoluteUri)).Append("\">\n");
        }

        html.Append("<style>\n").Append(Style);
        if (style is not null)
        {
            html.Append('\n').Append(style);
        }

        return html.Append("</style>\n</head>\n<body>\n");
    }

    public static byte[] End(StringBuilder html) =>
        Encoding.UTF8.GetBytes(html.Append("</body>\n</html>\n").ToString());

    public static string Encode(string text) => PlainText.HtmlEncode(text);

    /// <summary>A date for people (in UTC, so every reader of the page sees the same text) inside a machine-readable <c>time</c> element.</summary>
    public static string Time(DateTimeOffset date) =>
        $"<time datetime=\"{JsonFeedDocumentWriter.Rfc3339(date)}\">{date.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}</time>";
}
