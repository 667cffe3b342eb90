using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

public sealed class FeedPagingTests
{
    private static Feed Feed(int entries) => TestEntries.Feed(entries);

    private static List<int> Days(FeedPage page) => [.. page.Entries.Select(e => int.Parse(e.Title[6..], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void Paginate_FitsOnOnePage_HasNoArchives() =>
        Assert.Single(FeedPaging.Paginate(Feed(5), 5));

    [Fact]
    public void Paginate_KeepsTheNewestInTheSubscriptionPageAndFillsArchivesOldestFirst()
    {
        var pages = FeedPaging.Paginate(Feed(13), 5);

        Assert.Equal([13, 12, 11, 10, 9], Days(pages[0]));
        Assert.Equal([5, 4, 3, 2, 1], Days(pages[1]));
        Assert.Equal([8, 7, 6], Days(pages[2]));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(5), pages[1].Updated);
    }

    [Fact]
    public void Paginate_OneMoreEntry_ChangesOnlyTheSubscriptionAndNewestArchivePages()
    {
        var before = FeedPaging.Paginate(Feed(13), 5);
        var after = FeedPaging.Paginate(Feed(14), 5);

        Assert.Equal(Days(before[1]), Days(after[1]));
        Assert.NotEqual(Days(before[2]), Days(after[2]));
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public void Paginate_EveryEntryExactlyOnce()
    {
        var pages = FeedPaging.Paginate(Feed(101), 7);

        Assert.Equal(Enumerable.Range(1, 101), pages.SelectMany(Days).Order());
    }
}
