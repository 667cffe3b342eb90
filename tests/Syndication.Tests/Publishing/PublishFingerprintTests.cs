using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

public sealed class PublishFingerprintTests
{
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "f");

    private static SyndicationOptions Options(Action<SyndicationOptions>? configure = null)
    {
        var options = new SyndicationOptions { PageSize = 5 };
        configure?.Invoke(options);
        return options;
    }

    private static FeedContent Feed(int entries, Func<int, string>? hash = null) =>
        TestEntries.Feed(entries, entry: day => TestEntries.Entry(day) with
        {
            MakeContentHtml = () => throw new InvalidOperationException("a fingerprint never needs the content"),
            SourceHash = hash?.Invoke(day) ?? $"hash{day}",
        });

    private static IReadOnlyList<string> Of(FeedContent feed, SyndicationOptions? options = null) =>
        PublishFingerprint.Of(options ?? Options(), Urls, TimeSpan.FromMinutes(5), FeedPaging.Paginate(feed, 5));

    [Fact]
    public void Of_SameFeedTwice_IsTheSame() =>
        Assert.Equal(Of(Feed(13)), Of(Feed(13)));

    [Fact]
    public void Of_OneArticleFileChanged_ChangesOnlyItsPage()
    {
        var before = Of(Feed(13));

        var after = Of(Feed(13, day => day == 3 ? "edited" : $"hash{day}"));

        Assert.Equal([false, true, false], before.Zip(after, (b, a) => b != a));
    }

    [Fact]
    public void Of_NewEntry_ChangesTheSubscriptionPageAndTheFillingArchiveButNotFullArchives()
    {
        var before = Of(Feed(13)); // archives: 1 (full), 2 (3 entries)

        var after = Of(Feed(14));

        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
        Assert.NotEqual(before[2], after[2]);
    }

    [Fact]
    public void Of_NewArchivePage_LeavesTheFullArchiveBeforeItAsItWas()
    {
        var before = Of(Feed(15)); // archives 1 and 2 are full

        var after = Of(Feed(16)); // archive 3 begins

        Assert.Equal((before[1], before[2]), (after[1], after[2]));
    }

    [Fact]
    public void Of_StorageCredentialsChanged_IsTheSame() =>
        Assert.Equal(
            Of(Feed(13), Options(o => o.Storage.ConnectionString = "UseDevelopmentStorage=true")),
            Of(Feed(13), Options(o => o.Storage.ConnectionString = "DefaultEndpointsProtocol=http;AccountName=other;AccountKey=b3RoZXI=")));

    [Fact]
    public void Of_OptionThatReachesTheDocumentsChanged_ChangesEveryPage()
    {
        var before = Of(Feed(13));

        var after = Of(Feed(13), Options(o => o.Storage.CacheControl = "public, max-age=60"));

        Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Of_RelatedLinkResolvedElsewhere_ChangesTheEntrysPage()
    {
        var feed = Feed(13);
        var linked = feed with
        {
            Entries = [.. feed.Entries.Select(e => e.Title == "Entry 2" ? e with { Related = [new RelatedLink(new Uri("https://example.com/other/bridge"), "Bridge", RelatedLinkSource.TitleMatch)] } : e)],
        };

        Assert.Equal([false, true, false], Of(feed).Zip(Of(linked), (b, a) => b != a));
    }
}
