namespace Syndication.Feeds;

/// <summary>
/// Splits a feed into its subscription page (the newest entries) and archive pages (RFC 5005) that hold the rest,
/// oldest first, so that a full archive page never changes again as new entries arrive.
/// </summary>
internal static class FeedPaging
{
    /// <summary>
    /// The pages of <paramref name="content"/>: element 0 is the subscription page with the newest
    /// <paramref name="pageSize"/> entries; elements 1 to n are the archives, page 1 the oldest. Entries within each
    /// page are newest first, and each page's date is its newest entry's.
    /// </summary>
    public static IReadOnlyList<FeedPage> Paginate(Feed content, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var entries = content.Entries; // newest first
        if (entries.Count <= pageSize)
        {
            return [content.AsPage()];
        }

        var oldestFirst = entries.Reverse().ToList();
        var archived = oldestFirst.Count - pageSize;
        var pages = new List<FeedPage> { Page(content, [.. entries.Take(pageSize)]) };
        for (var start = 0; start < archived; start += pageSize)
        {
            var chunk = oldestFirst.GetRange(start, Math.Min(pageSize, archived - start));
            chunk.Reverse();
            pages.Add(Page(content, chunk));
        }

        return pages;
    }

    private static FeedPage Page(Feed content, IReadOnlyList<FeedEntry> entries) =>
        content.AsPage() with { Entries = entries, Updated = entries.Max(e => e.Updated) };
}
