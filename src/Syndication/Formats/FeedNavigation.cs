using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>
/// Where one document of a paged feed (RFC 5005, archived feeds) sits: its own name and URL, and the links an
/// aggregator follows to walk the whole history.
/// </summary>
/// <param name="FileName">The document's name within the feed's prefix (<c>rss.xml</c>, <c>archive/3.xml</c>).</param>
/// <param name="Self">The document's own URL.</param>
/// <param name="Current">For an archive document, the subscription document; <see langword="null"/> for the subscription document itself.</param>
/// <param name="PrevArchive">The next older archive document, if any.</param>
/// <param name="NextArchive">The next newer archive document: set on every full archive page, absent on the newest page while it is still filling.</param>
internal sealed record FeedNavigation(string FileName, Uri Self, Uri? Current, Uri? PrevArchive, Uri? NextArchive)
{
    /// <summary>Whether this is an archive document, whose content never changes once its page is full.</summary>
    public bool IsArchive => Current is not null;

    /// <summary>
    /// The navigation of page <paramref name="page"/> of <paramref name="pages"/> (as <see cref="FeedPaging.Paginate"/>
    /// makes them) in <paramref name="format"/>: a page is full when it holds <paramref name="pageSize"/> entries.
    /// </summary>
    public static FeedNavigation ForPage(FeedUrls urls, FeedFormat format, IReadOnlyList<FeedPage> pages, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return For(urls, format, page, pages.Count - 1, pages[page].Entries.Count == pageSize);
    }

    /// <summary>
    /// The navigation of page <paramref name="page"/> (0 is the subscription document, 1 the oldest archive) of
    /// <paramref name="format"/>, in a feed with <paramref name="archives"/> archive pages.
    /// </summary>
    /// <param name="urls">The feed's URLs.</param>
    /// <param name="format">The document's format.</param>
    /// <param name="page">The page number.</param>
    /// <param name="archives">How many archive pages the feed has.</param>
    /// <param name="full">
    /// Whether the page is full. A full archive page links <c>next-archive</c> to the page after it, even before that
    /// page exists (it is where the next archived entry goes), so that its bytes never change again.
    /// </param>
    public static FeedNavigation For(FeedUrls urls, FeedFormat format, int page, int archives, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, archives);
        if (page == 0)
        {
            return new FeedNavigation(FeedUrls.CurrentFileName(format), urls.Current(format), null,
                archives > 0 ? urls.Archive(format, archives) : null, null);
        }

        return new FeedNavigation(FeedUrls.ArchiveFileName(format, page), urls.Archive(format, page), urls.Current(format),
            page > 1 ? urls.Archive(format, page - 1) : null,
            page < archives || full ? urls.Archive(format, page + 1) : null);
    }
}
