using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// Turns the articles an editor pointed to into links: (1) the URL given with the title; (2) the article in any
/// feed whose title matches (compared by <see cref="TitleKey"/>); (3) the feed's link pattern applied to the
/// title's slug.
/// </summary>
public sealed class RelatedLinkResolver
{
    private readonly Dictionary<string, Uri> _linksByTitle = new(StringComparer.Ordinal);

    /// <summary>Indexes every article of every feed; when two share a title, the first in feed and file order wins.</summary>
    public RelatedLinkResolver(FeedCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var feed in catalog.Feeds)
        {
            foreach (var article in feed.Articles)
            {
                _linksByTitle.TryAdd(TitleKey.Normalize(article.Title), ArticleLinks.LinkOf(article, feed.Definition));
            }
        }
    }

    /// <summary>The link for one reference written in an article of <paramref name="feed"/>.</summary>
    public RelatedLink Resolve(RelatedReference reference, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(feed);
        if (reference.Url is not null)
        {
            return new RelatedLink(reference.Url, reference.Title, RelatedLinkSource.Explicit);
        }

        if (_linksByTitle.TryGetValue(TitleKey.Normalize(reference.Title), out var link))
        {
            return new RelatedLink(link, reference.Title, RelatedLinkSource.TitleMatch);
        }

        var slug = Slug.FromTitle(reference.Title) ?? Slug.FromFileName(reference.Title);
        return new RelatedLink(feed.ArticleLink(slug), reference.Title, RelatedLinkSource.SlugFallback);
    }

    /// <summary>
    /// The links for all references of <paramref name="article"/>, in the order written, without duplicates and
    /// without links back to the article itself.
    /// </summary>
    public IReadOnlyList<RelatedLink> ResolveAll(Article article, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(article);
        var self = ArticleLinks.LinkOf(article, feed);
        var seen = new HashSet<Uri> { self };
        var links = new List<RelatedLink>(article.Related.Count);
        foreach (var reference in article.Related)
        {
            var link = Resolve(reference, feed);
            if (seen.Add(link.Href))
            {
                links.Add(link);
            }
        }

        return links;
    }
}
