using Syndication.Articles;
using Syndication.Sources;

namespace Syndication.Publishing;

/// <summary>
/// The articles a run holds because their <c>published</c> date is after the run's instant. Applied to every read of
/// the run, before anything else sees the articles: the related links, the computed related articles, the feeds'
/// states and their dates then never know of a held article, and no other article's "Read also" names one.
/// </summary>
/// <remarks>
/// A held article that was never published is simply not there yet. One already published whose date is moved into
/// the future is held again: its entry leaves the feeds, which the deletion guard counts as a removal, and returns
/// with the new date once it is due.
/// </remarks>
internal sealed class Embargo
{
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _visibleTitles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldTitles = new(StringComparer.Ordinal);
    private readonly List<HeldArticle> _held = [];

    private Embargo(DateTimeOffset now) => _now = now;

    /// <summary>The articles held, in the order of the feeds and files.</summary>
    public IReadOnlyList<HeldArticle> Held => _held;

    /// <summary>When the first held article is due, or <see langword="null"/> when none is held.</summary>
    public DateTimeOffset? NextRelease => NextOf(_held);

    /// <summary>When the first of <paramref name="held"/> is due, or <see langword="null"/> when none is.</summary>
    public static DateTimeOffset? NextOf(IEnumerable<HeldArticle> held) => held.Select(h => (DateTimeOffset?)h.Until).Min();

    /// <summary>Whether <paramref name="article"/> is held at <paramref name="now"/>.</summary>
    public static bool Holds(Article article, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Published > now;
    }

    /// <summary>The embargo of a run at <paramref name="now"/>, and <paramref name="catalog"/> as it is visible then.</summary>
    public static (FeedCatalog Visible, Embargo Embargo) Apply(FeedCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var embargo = new Embargo(now);
        foreach (var feed in catalog.Feeds)
        {
            embargo.Sort(feed, record: true);
        }

        return (embargo._held.Count == 0 ? catalog : catalog with { Feeds = [.. catalog.Feeds.Select(embargo.Visible)] }, embargo);
    }

    /// <summary>
    /// <paramref name="feed"/>, read again later in the run, as visible at the run's instant; what it holds is not
    /// added to <see cref="Held"/> (the run reports its first read).
    /// </summary>
    public SourceFeed Apply(SourceFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Sort(feed, record: false);
        return Visible(feed);
    }

    private void Sort(SourceFeed feed, bool record)
    {
        foreach (var article in feed.Articles)
        {
            if (!Holds(article, _now))
            {
                _visibleTitles.Add(TitleKey.Of(article));
                continue;
            }

            _heldTitles.Add(TitleKey.Of(article));
            if (record)
            {
                _held.Add(new HeldArticle(feed.Definition.Name, article.SourcePath, article.Published!.Value));
            }
        }
    }

    /// <summary>The visible articles of <paramref name="feed"/>, without the "Read also" references that name only a held article.</summary>
    private SourceFeed Visible(SourceFeed feed)
    {
        if (_heldTitles.Count == 0)
        {
            return feed;
        }

        var articles = new List<Article>(feed.Articles.Count);
        foreach (var article in feed.Articles.Where(a => !Holds(a, _now)))
        {
            // The editor may name a story that is still under embargo: its title would tell it before its time.
            var references = article.Related.Where(r => !NamesOnlyHeld(r)).ToList();
            articles.Add(references.Count == article.Related.Count ? article : article with { Related = references });
        }

        return feed with { Articles = articles };
    }

    private bool NamesOnlyHeld(RelatedReference reference)
    {
        var key = TitleKey.Of(reference);
        return _heldTitles.Contains(key) && !_visibleTitles.Contains(key);
    }
}
