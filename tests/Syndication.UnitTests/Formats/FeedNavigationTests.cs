using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class FeedNavigationTests
{
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://cdn.example/feeds"), "world");

    [Fact]
    public void For_SubscriptionDocument_LinksTheNewestArchive()
    {
        var navigation = FeedNavigation.For(Urls, FeedFormat.Atom, 0, 3);

        Assert.Equal(("atom.xml", "https://cdn.example/feeds/world/atom.xml"), (navigation.FileName, navigation.Self.AbsoluteUri));
        Assert.Equal("https://cdn.example/feeds/world/archive/3.xml", navigation.PrevArchive?.AbsoluteUri);
        Assert.Null(navigation.NextArchive);
        Assert.False(navigation.IsArchive);
    }

    [Theory]
    [InlineData(nameof(FeedFormat.Rss), "archive/2.rss.xml", "archive/1.rss.xml", "archive/3.rss.xml", "rss.xml")]
    [InlineData(nameof(FeedFormat.Atom), "archive/2.xml", "archive/1.xml", "archive/3.xml", "atom.xml")]
    [InlineData(nameof(FeedFormat.Json), "archive/2.json", "archive/1.json", "archive/3.json", "feed.json")]
    public void For_MiddleArchive_LinksBothNeighboursAndCurrent(string formatName, string self, string prev, string next, string current)
    {
        var navigation = FeedNavigation.For(Urls, Enum.Parse<FeedFormat>(formatName), 2, 3);

        Assert.Equal(self, navigation.FileName);
        Assert.Equal("https://cdn.example/feeds/world/" + prev, navigation.PrevArchive?.AbsoluteUri);
        Assert.Equal("https://cdn.example/feeds/world/" + next, navigation.NextArchive?.AbsoluteUri);
        Assert.Equal("https://cdn.example/feeds/world/" + current, navigation.Current?.AbsoluteUri);
        Assert.True(navigation.IsArchive);
    }

    [Fact]
    public void For_NewestArchive_LinksForwardOnlyOnceFull()
    {
        Assert.Null(FeedNavigation.For(Urls, FeedFormat.Atom, 3, 3, full: false).NextArchive);
        Assert.Equal("https://cdn.example/feeds/world/archive/4.xml", FeedNavigation.For(Urls, FeedFormat.Atom, 3, 3, full: true).NextArchive?.AbsoluteUri);
        Assert.Null(FeedNavigation.For(Urls, FeedFormat.Atom, 1, 3).PrevArchive);
    }

    [Fact]
    public void ForPage_FullNewestArchive_LinksTheNextArchiveAheadAndTheFillingOneDoesNot()
    {
        var full = FeedPaging.Paginate(TestEntries.Feed(15, "world"), 5); // archives 1 and 2 full
        var filling = FeedPaging.Paginate(TestEntries.Feed(13, "world"), 5); // archive 2 holds 3 entries

        Assert.Equal("https://cdn.example/feeds/world/archive/3.xml", FeedNavigation.ForPage(Urls, FeedFormat.Atom, full, 2, 5).NextArchive?.AbsoluteUri);
        Assert.Null(FeedNavigation.ForPage(Urls, FeedFormat.Atom, filling, 2, 5).NextArchive);
        Assert.Equal("archive/2.xml", FeedNavigation.ForPage(Urls, FeedFormat.Atom, filling, 2, 5).FileName);
    }
}
