using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>Where an article lives on the web.</summary>
internal static class ArticleLinks
{
    /// <summary>The front matter's link, or the feed's article link pattern applied to the title's slug (or the file name's, for titles with no Latin letters).</summary>
    public static Uri LinkOf(Article article, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(feed);
        return article.Link ?? feed.ArticleLink(Slug.FromTitle(article.Title) ?? Slug.FromFileName(article.FileName));
    }
}
