using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Publishing;
using Syndication.Sources;

namespace Syndication.Tests.Publishing;

public sealed class PublishFingerprintTests
{
    private static readonly Uri PublicBase = new("https://feeds.example.org/");
    private static readonly FeedUrls Urls = FeedUrls.For(PublicBase, "f");

    private static SyndicationOptions Options(Action<SyndicationOptions>? configure = null)
    {
        var options = new SyndicationOptions { PageSize = 5 };
        configure?.Invoke(options);
        return options;
    }

    private static Feed Feed(int entries, Func<int, string>? hash = null) =>
        TestEntries.Feed(entries, entry: day => TestEntries.Entry(day) with
        {
            MakeContentHtml = () => throw new InvalidOperationException("a fingerprint never needs the content"),
            SourceHash = hash?.Invoke(day) ?? $"hash{day}",
        });

    private static IReadOnlyList<string> Of(Feed feed, SyndicationOptions? options = null) =>
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

    // Settings that change no document's bytes and no stored header: changing them must not rewrite a page.
    public static TheoryData<string, Action<SyndicationOptions>> SettingsOutsideTheDocuments => new()
    {
        { "Storage:MaxRetries", o => o.Storage.MaxRetries = 9 },
        { "Storage:NetworkTimeout", o => o.Storage.NetworkTimeout = TimeSpan.FromMinutes(2) },
        { "Storage:PublicAccess", o => o.Storage.PublicAccess = Syndication.Storage.PublicAccess.None },
        { "Storage:Cors", o => o.Storage.Cors = true },
        { "LeaseWait", o => o.LeaseWait = TimeSpan.FromSeconds(5) },
        { "Deletion:MaxShare", o => o.Deletion.MaxShare = 0.9 },
        { "Deletion:MinCount", o => o.Deletion.MinCount = 1 },
        { "Deletion:MaxCount", o => o.Deletion.MaxCount = 1 },
        { "Deletion:AllowMassDelete", o => o.Deletion.AllowMassDelete = true },
        { "WebSub:Attempts", o => o.WebSub.Attempts = 1 },
        { "WebSub:RetryDelay", o => o.WebSub.RetryDelay = TimeSpan.FromSeconds(7) },
        { "WebSub:Timeout", o => o.WebSub.Timeout = TimeSpan.FromSeconds(1) },
        { "FeedsPath", o => o.FeedsPath = "/elsewhere" },
        { "OutputPath", o => o.OutputPath = "/out" },
        { "Source:Container", o => o.Source.Container = "inbox" },
        { "Storage:ServiceUri", o => o.Storage.ServiceUri = new Uri("https://other.blob.core.windows.net") },
        { "Storage:CacheControlByKind, same as CacheControl", o => o.Storage.CacheControlByKind[DocumentKind.Feed] = o.Storage.CacheControl },
    };

    [Theory]
    [MemberData(nameof(SettingsOutsideTheDocuments))]
    public void Of_SettingOutsideTheDocumentsChanged_IsTheSame(string setting, Action<SyndicationOptions> change)
    {
        var sources = new SourceFingerprint("sources", []);

        Assert.True(Of(Feed(13)).SequenceEqual(Of(Feed(13), Options(change))), setting);
        Assert.True(PublishFingerprint.OfInputs(Options(), PublicBase, sources) == PublishFingerprint.OfInputs(Options(change), PublicBase, sources), setting);
    }

    // The allow-list: every setting that reaches a document's bytes or its stored headers.
    public static TheoryData<string, Action<SyndicationOptions>> SettingsInTheDocuments => new()
    {
        { "PublicBaseUrl", o => o.PublicBaseUrl = new Uri("https://cdn.example.org/feeds") },
        { "Title", o => o.Title = "News" },
        { "PageSize", o => o.PageSize = 6 },
        { "TimeToLive", o => o.TimeToLive = TimeSpan.FromMinutes(15) },
        { "Related:Count", o => o.Related.Count = 5 },
        { "Related:MinScore", o => o.Related.MinScore = 0.3 },
        { "Articles:MaxFileBytes", o => o.Articles.MaxFileBytes = 1024 },
        { "Articles:MaxRelated", o => o.Articles.MaxRelated = 2 },
        { "Articles:SummaryLength", o => o.Articles.SummaryLength = 100 },
        { "WebSub:Hub", o => o.WebSub.Hub = new Uri("https://hub.example.org/") },
        { "JsonFeedExtensionAbout", o => o.JsonFeedExtensionAbout = new Uri("https://example.org/docs/json-feed-extension.md") },
        { "Storage:CacheControl", o => o.Storage.CacheControl = "public, max-age=60" },
        { "Storage:CacheControlByKind", o => o.Storage.CacheControlByKind[DocumentKind.Outline] = "public, max-age=86400" },
    };

    [Theory]
    [MemberData(nameof(SettingsInTheDocuments))]
    public void Of_SettingInTheDocumentsChanged_ChangesEveryPage(string setting, Action<SyndicationOptions> change)
    {
        var sources = new SourceFingerprint("sources", []);

        Assert.All(Of(Feed(13)).Zip(Of(Feed(13), Options(change))), pair => Assert.True(pair.First != pair.Second, setting));
        Assert.True(PublishFingerprint.OfInputs(Options(), PublicBase, sources) != PublishFingerprint.OfInputs(Options(change), PublicBase, sources), setting);
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

    // Every page shows the feed's images (RSS image, Atom icon and logo, JSON Feed icon): a new one rewrites them all.
    [Theory]
    [InlineData("https://example.com/icon.png", null)]
    [InlineData(null, "https://example.com/logo.png")]
    public void Of_FeedImageChanged_ChangesEveryPage(string? icon, string? logo)
    {
        var feed = Feed(13);
        var withImage = feed with
        {
            Definition = feed.Definition with { Icon = icon is null ? null : new Uri(icon), Logo = logo is null ? null : new Uri(logo) },
        };

        Assert.All(Of(feed).Zip(Of(withImage)), pair => Assert.NotEqual(pair.First, pair.Second));
    }
}
