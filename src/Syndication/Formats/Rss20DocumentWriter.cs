using System.ServiceModel.Syndication;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>Writes a feed as RSS 2.0, with the Atom, content, Dublin Core and Media RSS extensions.</summary>
internal static class Rss20DocumentWriter
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [FeedNamespaces.Atom] = FeedNamespaces.AtomPrefix,
        [FeedNamespaces.Content] = FeedNamespaces.ContentPrefix,
        [FeedNamespaces.DublinCore] = FeedNamespaces.DublinCorePrefix,
    };

    // Media RSS is declared only by feeds that use it: parsers take its declaration as a different kind of feed.
    private static readonly Dictionary<string, string> PrefixesWithMedia = new(Prefixes, StringComparer.Ordinal)
    {
        [FeedNamespaces.Media] = FeedNamespaces.MediaPrefix,
    };

    private static readonly TextElementSerializer Creator = new("creator", FeedNamespaces.DublinCore);
    private static readonly TextElementSerializer Encoded = new("encoded", FeedNamespaces.Content);

    /// <summary>Writes <paramref name="content"/> as the RSS document served at <paramref name="urls"/>' RSS URL.</summary>
    /// <param name="content">The feed.</param>
    /// <param name="urls">Where the feed's documents are served.</param>
    /// <param name="timeToLive">How long readers may cache the feed (the feed's <c>ttl</c>, else <c>Syndication:TimeToLive</c>), written as <c>ttl</c> in whole minutes.</param>
    public static FeedDocument Write(FeedPage content, FeedUrls urls, TimeSpan timeToLive) =>
        Write(content, urls, timeToLive, FeedNavigation.For(urls, FeedFormat.Rss, 0, 0));

    /// <summary>Writes one page of a paged feed: the subscription document or an archive document.</summary>
    /// <param name="content">The page's entries and date.</param>
    /// <param name="urls">Where the feed's documents are served.</param>
    /// <param name="timeToLive">How long readers may cache the feed, written as <c>ttl</c> in whole minutes.</param>
    /// <param name="navigation">The page's own URL and its RFC 5005 links.</param>
    public static FeedDocument Write(FeedPage content, FeedUrls urls, TimeSpan timeToLive, FeedNavigation navigation)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(navigation);
        var definition = content.Definition;
        // The title is plain text, encoded once by the writer (RSS Best Practices Profile): encoding it as HTML as well
        // would show "&amp;" in readers that keep titles as text (newsboat). The channel's description is read as HTML
        // by feedparser and most aggregators, as the item's is, so its text is encoded as HTML first; the writer's
        // hexadecimal references then tell the W3C validator that the entities are meant.
        var feed = new SyndicationFeed(definition.Title, PlainText.HtmlEncode(definition.Description, quotes: false), definition.Link)
        {
            Language = definition.Language,
            LastUpdatedTime = content.Updated,
            Generator = FeedGenerator.Text,
            TimeToLive = TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(timeToLive.TotalMinutes))),
            // The formatter writes <image> with the channel's title and link, as the RSS 2.0 specification asks.
            ImageUrl = FeedImages.Rss(definition),
            // Not a list: one item is filled for each entry as the formatter reaches it, instead of thousands of
            // them living long enough to be promoted and copied by the collector.
            Items = content.Entries.Select(new ReusableItem().Fill),
        };
        FeedXml.AddNavigation(feed, navigation, FeedMediaTypes.Rss, urls.Hub);
        feed.Links.Add(new SyndicationLink(urls.Atom, LinkRelations.Alternate, null, FeedMediaTypes.Atom, 0));
        feed.Links.Add(new SyndicationLink(urls.Json, LinkRelations.Alternate, null, FeedMediaTypes.Json, 0));

        var prefixes = content.Entries.Any(e => e.Image?.Url is not null) ? PrefixesWithMedia : Prefixes;
        var bytes = FeedXml.Serialize(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true), FeedXml.WithHistory(prefixes, navigation), rss: true);
        return new FeedDocument(FeedDocumentSet.NameOf(content.Name, navigation.FileName), bytes, FeedMediaTypes.WithCharset(FeedMediaTypes.Rss));
    }

    private static SyndicationItem Fill(this ReusableItem reusable, FeedEntry entry)
    {
        var item = reusable.Next();
        item.Id = entry.Id.AbsoluteUri;
        item.Title = new TextSyndicationContent(entry.Title);
        item.PublishDate = entry.Published;
        // An item's description is HTML: the plain-text summary is encoded as HTML text.
        item.Summary = new TextSyndicationContent(PlainText.HtmlEncode(entry.Summary, quotes: false));
        reusable.AddLink(entry.Link, LinkRelations.Alternate, null, null);
        foreach (var related in entry.Related)
        {
            reusable.AddLink(related.Href, LinkRelations.Related, related.Title, null);
        }

        foreach (var tag in entry.Tags)
        {
            reusable.AddCategory(tag);
        }

        // RSS <author> must be an e-mail address; the name goes into dc:creator instead.
        item.ElementExtensions.Add(Creator.Element(entry.Author.Name));
        item.ElementExtensions.Add(Encoded.Element(entry.ContentHtml));
        if (entry.Image is { Url: not null } image)
        {
            item.ElementExtensions.Add(new SyndicationElementExtension(image, MediaContentSerializer.Instance));
        }

        return item;
    }
}
