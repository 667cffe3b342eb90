using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>Writes a feed as Atom 1.0 (RFC 4287).</summary>
internal static partial class Atom10DocumentWriter
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [FeedNamespaces.Atom] = string.Empty,
    };

    /// <summary>Writes <paramref name="content"/> as the Atom document served at <paramref name="urls"/>' Atom URL.</summary>
    public static FeedDocument Write(FeedPage content, FeedUrls urls) =>
        Write(content, urls, FeedNavigation.For(urls, FeedFormat.Atom, 0, 0));

    /// <summary>Writes one page of a paged feed: the subscription document or an archive document.</summary>
    public static FeedDocument Write(FeedPage content, FeedUrls urls, FeedNavigation navigation)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(navigation);
        var definition = content.Definition;
        var feed = new SyndicationFeed
        {
            Title = Text(definition.Title),
            Description = Text(definition.Description),
            Id = content.Id.AbsoluteUri,
            Language = definition.Language,
            LastUpdatedTime = content.Updated,
            Generator = FeedGenerator.Text,
            // Written as <logo>; the square icon is an extension element, as the formatter knows no <icon>.
            ImageUrl = definition.Logo,
            // Not a list: one item is filled for each entry as the formatter reaches it, instead of thousands of
            // them living long enough to be promoted and copied by the collector.
            Items = content.Entries.Select(new ReusableItem().Fill),
        };
        feed.Authors.Add(Person(definition.Author));
        if (definition.Icon is not null)
        {
            feed.ElementExtensions.Add(FeedImages.AtomIcon.Element(definition.Icon.AbsoluteUri));
        }

        FeedXml.AddNavigation(feed, navigation, FeedMediaTypes.Atom, urls.Hub);
        // At most one alternate link per media type (RFC 4287 4.1.1). The site's page comes last: newsboat takes the
        // last alternate as the feed's link, feedparser the last one of an HTML type.
        feed.Links.Add(new SyndicationLink(urls.Rss, LinkRelations.Alternate, null, FeedMediaTypes.Rss, 0));
        feed.Links.Add(new SyndicationLink(urls.Json, LinkRelations.Alternate, null, FeedMediaTypes.Json, 0));
        feed.Links.Add(new SyndicationLink(definition.Link, LinkRelations.Alternate, null, FeedMediaTypes.Html, 0));

        var bytes = FeedXml.Serialize(new Atom10FeedFormatter(feed), FeedXml.WithHistory(Prefixes, navigation), rss: false);
        return new FeedDocument(FeedDocumentSet.NameOf(content.Name, navigation.FileName), bytes, FeedMediaTypes.WithCharset(FeedMediaTypes.Atom));
    }

    private static SyndicationItem Fill(this ReusableItem reusable, FeedEntry entry)
    {
        var item = reusable.Next();
        item.Id = entry.Id.AbsoluteUri;
        item.Title = Text(entry.Title);
        item.PublishDate = entry.Published;
        item.LastUpdatedTime = entry.Updated;
        item.Summary = Text(entry.Summary);
        item.Content = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
        item.Authors.Add(Person(entry.Author));
        reusable.AddLink(entry.Link, LinkRelations.Alternate, null, FeedMediaTypes.Html);
        foreach (var related in entry.Related)
        {
            reusable.AddLink(related.Href, LinkRelations.Related, related.Title, FeedMediaTypes.Html);
        }

        if (entry.Image is { Url: not null } image)
        {
            reusable.AddLink(image.Url, LinkRelations.Enclosure, image.Caption, image.MediaType);
        }

        foreach (var tag in entry.Tags)
        {
            reusable.AddCategory(tag);
        }

        return item;
    }

    /// <summary>
    /// Plain text as an Atom text construct that readers show exactly as written: <c>type="text"</c>, or, for text
    /// holding what looks like an HTML end tag (<c>&lt;/b&gt;</c>), <c>type="html"</c> with the text encoded, which
    /// validators would otherwise report as undeclared markup.
    /// </summary>
    private static TextSyndicationContent Text(string text) =>
        text.Contains("</", StringComparison.Ordinal) && EndTag().IsMatch(text)
            ? new TextSyndicationContent(PlainText.HtmlEncode(text, quotes: false), TextSyndicationContentKind.Html)
            : new TextSyndicationContent(text);

    [GeneratedRegex(@"</\w+>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EndTag();

    private static SyndicationPerson Person(Person person) =>
        new(person.Email, person.Name, person.Uri?.AbsoluteUri);
}
