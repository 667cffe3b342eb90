using Syndication.Articles;
using Syndication.Feeds.Related;
using Syndication.Sources;

namespace Syndication.Feeds;

/// <summary>
/// Gives each article its related links: first the editor's, each resolved by (1) the URL given with the title,
/// (2) the article in any feed whose title matches (compared by <see cref="TitleKey"/>), (3) the feed's link
/// pattern applied to the title's slug; then up to <see cref="RelatedOptions.Count"/> articles of any feed found
/// by text similarity (<see cref="RelatedArticleFinder"/>), never repeating the editor's.
/// </summary>
internal sealed class RelatedLinkResolver
{
    private readonly Dictionary<string, Uri> _linksByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FeedDefinition Feed, Article Article)> _byKey = new(StringComparer.Ordinal);
    // Each article's link, made once: making it folds the title into a slug, and every entry needs several.
    private readonly Dictionary<Article, Uri> _links = new(ReferenceEqualityComparer.Instance);
    private Lazy<RelatedIndex>? _related;
    // The feeds that may still ask for computed related articles: the index goes when none is left.
    private readonly HashSet<string> _asking;

    /// <summary>
    /// Indexes every article of every feed (when two share a title, the first in feed and file order wins). Related
    /// articles are computed when first asked for (<see cref="ComputedKeys"/>): a run with nothing new computes none.
    /// </summary>
    /// <param name="catalog">Every feed and article.</param>
    /// <param name="related">How related articles are computed; <see langword="null"/> or a count of 0 computes none.</param>
    /// <param name="terms">The terms counted by earlier runs (see <see cref="TermTable"/>): only the text of articles it lacks is read; <see langword="null"/> reads every article's.</param>
    public RelatedLinkResolver(FeedCatalog catalog, RelatedOptions? related = null, TermTable? terms = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _asking = [.. catalog.Feeds.Select(f => f.Definition.Name)];
        var articles = catalog.Feeds.SelectMany(feed => feed.Articles.Select(article => (Feed: feed.Definition, Article: article))).ToList();
        foreach (var (feed, article) in articles)
        {
            var link = ArticleLinks.LinkOf(article, feed);
            _links.TryAdd(article, link);
            _linksByTitle.TryAdd(TitleKey.Of(article), link);
            _byKey.TryAdd(KeyOf(article, feed), (feed, article));
        }

        if (related is { Count: > 0 })
        {
            _related = new Lazy<RelatedIndex>(() => Index(articles, related, terms ?? new TermTable()));
        }
    }

    /// <summary>How many articles the similarity index held and how many of their texts it read, once it was made (see <see cref="TermTable"/>).</summary>
    public (int Articles, int Read)? Indexed { get; private set; }

    /// <summary>The key by which an article is known across feeds: <c>&lt;feed&gt;/&lt;file name&gt;</c>.</summary>
    public static string KeyOf(Article article, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(feed);
        return $"{feed.Name}/{article.FileName}";
    }

    /// <summary>The web page of <paramref name="article"/> (see <see cref="ArticleLinks.LinkOf"/>), made once per article read.</summary>
    public Uri LinkOf(Article article, FeedDefinition feed) =>
        _links.TryGetValue(article, out var link) ? link : ArticleLinks.LinkOf(article, feed);

    /// <summary>The link for one reference written in an article of <paramref name="feed"/>.</summary>
    public RelatedLink Resolve(RelatedReference reference, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(feed);
        if (reference.Url is not null)
        {
            return new RelatedLink(reference.Url, reference.Title, RelatedLinkSource.Explicit);
        }

        if (_linksByTitle.TryGetValue(TitleKey.Of(reference), out var link))
        {
            return new RelatedLink(link, reference.Title, RelatedLinkSource.TitleMatch);
        }

        var slug = Slug.FromTitle(reference.Title) ?? Slug.FromFileName(reference.Title);
        return new RelatedLink(feed.ArticleLink(slug), reference.Title, RelatedLinkSource.SlugFallback);
    }

    /// <summary>
    /// The keys (<see cref="KeyOf"/>) of the articles computed as related to <paramref name="article"/>, best first;
    /// <see langword="null"/> when nothing was computed for it (the computation is off, or the article arrived after
    /// this resolver read the feeds).
    /// </summary>
    public IReadOnlyList<string>? ComputedKeys(Article article, FeedDefinition feed) =>
        _related?.Value.Find(KeyOf(article, feed)) is { } matches ? [.. matches.Select(match => match.Key)] : null;

    /// <summary>
    /// Tells the resolver that <paramref name="feed"/> will ask for no more computed related articles (its state has
    /// recorded them). Once every feed has, the similarity index (a few hundred bytes per article) is let go:
    /// <see cref="ComputedKeys"/> returns <see langword="null"/> after that.
    /// </summary>
    public void Recorded(string feed)
    {
        if (_asking.Remove(feed) && _asking.Count == 0)
        {
            _related = null;
        }
    }

    /// <summary>
    /// The links of <paramref name="article"/>: the editor's in the order written, then the computed ones, best
    /// first; without duplicates and without links back to the article itself.
    /// </summary>
    /// <param name="article">The article.</param>
    /// <param name="feed">Its feed.</param>
    /// <param name="computedKeys">
    /// The computed related articles to link, by key: those computed now (<see cref="ComputedKeys"/>), or those kept
    /// from when the article was first published, so that its entry (and a full archive page) never changes because
    /// newer articles appeared. Keys of articles that are gone are left out.
    /// </param>
    public IReadOnlyList<RelatedLink> ResolveAll(Article article, FeedDefinition feed, IReadOnlyList<string>? computedKeys = null)
    {
        var links = ResolveExplicit(article, feed);
        var computed = computedKeys ?? ComputedKeys(article, feed) ?? [];
        if (computed.Count > 0)
        {
            var seen = links.Select(l => l.Href).Append(LinkOf(article, feed)).ToHashSet();
            foreach (var key in computed)
            {
                if (_byKey.TryGetValue(key, out var target) && seen.Add(LinkOf(target.Article, target.Feed)))
                {
                    links.Add(new RelatedLink(LinkOf(target.Article, target.Feed), target.Article.Title, RelatedLinkSource.Computed));
                }
            }
        }

        return links;
    }

    private List<RelatedLink> ResolveExplicit(Article article, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(article);
        var seen = new HashSet<Uri> { LinkOf(article, feed) };
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

    private RelatedIndex Index(List<(FeedDefinition Feed, Article Article)> articles, RelatedOptions options, TermTable terms)
    {
        var keys = articles.Select(a => new RelatedKey(KeyOf(a.Article, a.Feed), string.IsNullOrEmpty(a.Article.ContentHash) ? null : a.Article.ContentHash)).ToList();
        // Which article each link is, to exclude the articles an editor links to: made for the first article asked, as most runs ask few.
        var keysByLink = new Lazy<Dictionary<Uri, string>>(() =>
        {
            var byLink = new Dictionary<Uri, string>();
            foreach (var (feed, article) in articles)
            {
                byLink.TryAdd(LinkOf(article, feed), KeyOf(article, feed));
            }

            return byLink;
        });

        // Only the articles the table lacks are read, each when the index reads it: never every article's text at once.
        var index = new RelatedArticleFinder(options).Index(
            keys,
            i => new RelatedDocument(keys[i].Key, articles[i].Article.Title, PlainText.FromHtml(articles[i].Article.BodyHtml), []),
            terms,
            i => [.. ResolveExplicit(articles[i].Article, articles[i].Feed).Select(l => keysByLink.Value.GetValueOrDefault(l.Href)).OfType<string>()]);
        Indexed = (index.Count, index.TextsRead);
        return index;
    }
}
