using Syndication.Sources;

namespace Syndication.Publishing;

/// <summary>
/// Splits what a run read into the articles visible at the run's instant and those held until their
/// <c>published</c> date. Applied once, to every read, before anything else sees the articles: the related links,
/// the computed related articles, the feed's state and its dates then never know of a held article.
/// </summary>
/// <remarks>
/// A held article that was never published is simply not there yet. One already published whose date is moved into
/// the future is held again: its entry leaves the feeds, which the deletion guard counts as a removal, and returns
/// with the new date once it is due.
/// </remarks>
internal static class Embargo
{
    /// <summary>The feeds of <paramref name="catalog"/> with only the articles visible at <paramref name="now"/>, and those held.</summary>
    public static (FeedCatalog Visible, IReadOnlyList<HeldArticle> Held) Split(FeedCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var held = new List<HeldArticle>();
        var feeds = catalog.Feeds.Select(feed => Split(feed, now, held)).ToList();
        return (held.Count == 0 ? catalog : catalog with { Feeds = feeds }, held);
    }

    /// <summary><paramref name="feed"/> with only the articles visible at <paramref name="now"/>; the others are added to <paramref name="held"/>.</summary>
    public static SourceFeed Split(SourceFeed feed, DateTimeOffset now, ICollection<HeldArticle> held)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(held);
        var before = held.Count;
        foreach (var article in feed.Articles)
        {
            if (article.Published is { } published && published > now)
            {
                held.Add(new HeldArticle(feed.Definition.Name, article.SourcePath, published));
            }
        }

        return held.Count == before ? feed : feed with { Articles = [.. feed.Articles.Where(a => !(a.Published > now))] };
    }

    /// <summary>When the first of <paramref name="held"/> is released, or <see langword="null"/> when none is held.</summary>
    public static DateTimeOffset? NextRelease(IEnumerable<HeldArticle> held) =>
        held.Select(h => (DateTimeOffset?)h.Until).Min();
}
