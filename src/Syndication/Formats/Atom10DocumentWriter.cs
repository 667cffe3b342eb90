using System.ServiceModel.Syndication;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>Writes a feed as Atom 1.0 (RFC 4287).</summary>
public static class Atom10DocumentWriter
{
    /// <summary>The blob name of the Atom document within a feed's prefix.</summary>
    public const string FileName = "atom.xml";

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [FeedNamespaces.Atom] = string.Empty,
    };

    /// <summary>Writes <paramref name="content"/> as the Atom document served at <paramref name="selfUrl"/>.</summary>
    public static FeedDocument Write(FeedContent content, Uri selfUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(selfUrl);
        var definition = content.Definition;
        var feed = new SyndicationFeed(definition.Title, definition.Description, definition.Link)
        {
            Id = content.Id.AbsoluteUri,
            Language = definition.Language,
            LastUpdatedTime = content.Updated,
            Generator = FeedGenerator.Text,
            Items = content.Entries.Select(Entry).ToList(),
        };
        feed.Authors.Add(Person(definition.Author));
        feed.Links.Add(new SyndicationLink(selfUrl, LinkRelations.Self, null, FeedMediaTypes.Atom, 0));

        var bytes = FeedXml.Serialize(new Atom10FeedFormatter(feed), Prefixes, rssDates: false);
        return new FeedDocument($"{content.Name}/{FileName}", bytes, FeedMediaTypes.WithCharset(FeedMediaTypes.Atom));
    }

    private static SyndicationItem Entry(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id.AbsoluteUri,
            Title = new TextSyndicationContent(entry.Title),
            PublishDate = entry.Published,
            LastUpdatedTime = entry.Updated,
            Summary = new TextSyndicationContent(entry.Summary),
            Content = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html),
        };
        item.Authors.Add(Person(entry.Author));
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Link, "text/html"));
        foreach (var related in entry.Related)
        {
            item.Links.Add(new SyndicationLink(related.Href, LinkRelations.Related, related.Title, "text/html", 0));
        }

        if (entry.Image?.Url is Uri image)
        {
            item.Links.Add(new SyndicationLink(image, LinkRelations.Enclosure, entry.Image.Caption, entry.Image.MediaType, 0));
        }

        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        return item;
    }

    private static SyndicationPerson Person(Person person) =>
        new(person.Email, person.Name, person.Uri?.AbsoluteUri);
}
