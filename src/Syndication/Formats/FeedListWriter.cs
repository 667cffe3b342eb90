using System.Text;
using System.Xml;
using Syndication.Articles;

namespace Syndication.Formats;

/// <summary>
/// Writes the documents at the container's root that list every feed: <c>index.html</c> for people and
/// <c>feeds.opml</c> (OPML 2.0) that readers import in one step.
/// </summary>
/// <remarks>
/// Both depend only on the feed definitions, never on entries: every worker of a fleet writes the same bytes,
/// even one that left some feeds to other workers.
/// </remarks>
internal static class FeedListWriter
{
    /// <summary>The name of the page listing every feed.</summary>
    public const string PageFileName = "index.html";

    /// <summary>The name of the OPML list of every feed.</summary>
    public const string OpmlFileName = "feeds.opml";

    /// <summary>Writes the root page listing <paramref name="feeds"/>.</summary>
    public static FeedDocument WritePage(string title, IReadOnlyList<(FeedDefinition Definition, FeedUrls Urls)> feeds, Uri opmlUrl)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(opmlUrl);
        var language = feeds.Select(f => f.Definition.Language).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1
            ? feeds[0].Definition.Language
            : "en";
        var html = HtmlPage.Begin(language, title, feeds.SelectMany(f => FeedPageWriter.Alternates(f.Definition.Title, f.Urls)));
        html.Append("<header>\n<h1>").Append(HtmlPage.Encode(title)).Append("</h1>\n")
            .Append("<p>Subscribe to any of these feeds in a feed reader, or import them all at once with the <a type=\"")
            .Append(FeedMediaTypes.Opml).Append("\" href=\"").Append(HtmlPage.Encode(opmlUrl.AbsoluteUri)).Append("\">OPML list</a>.</p>\n")
            .Append("</header>\n<main>\n");
        foreach (var (definition, urls) in feeds)
        {
            html.Append("<article>\n<h2><a href=\"").Append(HtmlPage.Encode(urls.Page.AbsoluteUri)).Append("\">")
                .Append(HtmlPage.Encode(definition.Title)).Append("</a></h2>\n")
                .Append("<p>").Append(HtmlPage.Encode(definition.Description)).Append(" <a href=\"")
                .Append(HtmlPage.Encode(definition.Link.AbsoluteUri)).Append("\">Visit the site</a></p>\n");
            FeedPageWriter.AppendSubscribeButtons(html, urls);
            html.Append("</article>\n");
        }

        html.Append("</main>\n<footer>").Append(HtmlPage.Encode(FeedGenerator.Text)).Append("</footer>\n");
        return new FeedDocument(PageFileName, HtmlPage.End(html), FeedMediaTypes.WithCharset(FeedMediaTypes.Html), DocumentKind.Page);
    }

    /// <summary>Writes the OPML 2.0 list of <paramref name="feeds"/>, one outline per feed pointing at its RSS document.</summary>
    public static FeedDocument WriteOpml(string title, IReadOnlyList<(FeedDefinition Definition, FeedUrls Urls)> feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", title);

            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var (definition, urls) in feeds)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("type", "rss");
                xml.WriteAttributeString("text", definition.Title);
                xml.WriteAttributeString("title", definition.Title);
                xml.WriteAttributeString("description", definition.Description);
                xml.WriteAttributeString("language", definition.Language);
                xml.WriteAttributeString("xmlUrl", urls.Rss.AbsoluteUri);
                xml.WriteAttributeString("htmlUrl", definition.Link.AbsoluteUri);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return new FeedDocument(OpmlFileName, stream.ToArray(), FeedMediaTypes.WithCharset(FeedMediaTypes.Opml), DocumentKind.Outline);
    }
}
