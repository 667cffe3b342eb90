using System.ServiceModel.Syndication;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>Writes a feed as RSS 2.0, with Atom, content and Dublin Core extensions.</summary>
public static class Rss20DocumentWriter
{
    /// <summary>The blob name of the RSS document within a feed's prefix.</summary>
    public const string FileName = "rss.xml";

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [FeedNamespaces.Atom] = FeedNamespaces.AtomPrefix,
        [FeedNamespaces.Content] = FeedNamespaces.ContentPrefix,
        [FeedNamespaces.DublinCore] = FeedNamespaces.DublinCorePrefix,
    };

    /// <summary>Writes <paramref name="content"/> as the RSS document served at <paramref name="selfUrl"/>.</summary>
    public static FeedDocument Write(FeedContent content, Uri selfUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(selfUrl);
        var definition = content.Definition;
        var feed = new SyndicationFeed(definition.Title, definition.Description, definition.Link)
        {
            Language = definition.Language,
            LastUpdatedTime = content.Updated,
            Generator = FeedGenerator.Text,
            Items = content.Entries.Select(Item).ToList(),
        };
        feed.Links.Add(new SyndicationLink(selfUrl, LinkRelations.Self, null, FeedMediaTypes.Rss, 0));

        var bytes = FeedXml.Serialize(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true), Prefixes, rssDates: true);
        return new FeedDocument($"{content.Name}/{FileName}", bytes, FeedMediaTypes.WithCharset(FeedMediaTypes.Rss));
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id.AbsoluteUri,
            Title = new TextSyndicationContent(entry.Title),
            PublishDate = entry.Published,
            // RSS readers treat description as HTML: the plain-text summary is encoded so that "<" stays text.
            Summary = new TextSyndicationContent(PlainText.HtmlEncode(entry.Summary)),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Link));
        foreach (var related in entry.Related)
        {
            item.Links.Add(new SyndicationLink(related.Href, LinkRelations.Related, related.Title, null, 0));
        }

        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        // RSS <author> must be an e-mail address; the name goes into dc:creator instead.
        item.ElementExtensions.Add(FeedXml.TextElement(FeedNamespaces.DublinCore, "creator", entry.Author.Name));
        item.ElementExtensions.Add(FeedXml.TextElement(FeedNamespaces.Content, "encoded", entry.ContentHtml));
        return item;
    }
}
