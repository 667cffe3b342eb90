using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class FeedDocumentSetTests
{
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.com/"), "f");

    private static FeedDocumentSet SetOf(int entries, int pageSize = 2) =>
        new(Urls, FeedPaging.Paginate(TestEntries.Feed(entries), pageSize), pageSize, TimeSpan.FromMinutes(5));

    [Fact]
    public void NamesOf_SubscriptionPage_NamesEachFormatAndTheFeedsPage() =>
        Assert.Equal(["f/rss.xml", "f/atom.xml", "f/feed.json", "f/index.html"], SetOf(5).NamesOf(0));

    [Fact]
    public void NamesOf_ArchivePage_NamesEachFormatInTheArchiveFolder() =>
        Assert.Equal(["f/archive/2.rss.xml", "f/archive/2.xml", "f/archive/2.json"], SetOf(5).NamesOf(2));

    [Fact]
    public void Render_EveryPage_NamesEachDocumentAsNamesOfDoes()
    {
        var set = SetOf(5);

        var rendered = set.Render(new HashSet<int> { 0, 1, 2 }).Select(d => d.Name).Order(StringComparer.Ordinal);

        Assert.Equal(Enumerable.Range(0, 3).SelectMany(set.NamesOf).Order(StringComparer.Ordinal), rendered);
        Assert.All(rendered, name => Assert.True(FeedDocumentSet.IsOwned("f", name), name));
    }

    [Fact]
    public void Render_ArchivesAndSubscription_StoresArchivesInAnEarlierWave()
    {
        var documents = SetOf(5).Render(new HashSet<int> { 0, 2 }).ToList();

        Assert.Equal(["f/archive/2.rss.xml", "f/archive/2.xml", "f/archive/2.json"], documents.Where(d => d.Wave == 0).Select(d => d.Name));
        Assert.Equal(["f/rss.xml", "f/atom.xml", "f/feed.json", "f/index.html"], documents.Where(d => d.Wave == 1).Select(d => d.Name));
    }

    [Fact]
    public void Render_NoChangedPage_MakesNothing() => Assert.Empty(SetOf(5).Render(new HashSet<int>()));

    [Theory]
    [InlineData("f/rss.xml", true)]
    [InlineData("f/atom.xml", true)]
    [InlineData("f/feed.json", true)]
    [InlineData("f/index.html", true)]
    [InlineData("f/archive/7.xml", true)]
    [InlineData("f/logo.png", false)] // put there by someone else: never deleted
    [InlineData("f/archived.xml", false)]
    [InlineData("g/rss.xml", false)]
    [InlineData("f/sub/rss.xml", false)]
    public void IsOwned_ADocumentName_IsWhatThisPublisherWrites(string name, bool owned) =>
        Assert.Equal(owned, FeedDocumentSet.IsOwned("f", name));
}
