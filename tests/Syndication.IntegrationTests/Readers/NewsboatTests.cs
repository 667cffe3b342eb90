using Syndication.Feeds.Derived;

namespace Syndication.Tests.Readers;

/// <summary>
/// What newsboat shows for <see cref="HostileFeed"/>, read from its cache after <c>newsboat -x reload</c> of the RSS
/// and the Atom document in Azurite. newsboat keeps the feed's title, and each item's title, author and content;
/// it keeps no feed description, no categories and no related links, so the related articles reach its readers only as
/// the "Read also" list that ends the content. It takes RSS titles as plain text (newsboat issue #202) and renders
/// Atom <c>type="html"</c> titles to text before it keeps them. As the feed's site it keeps the RSS <c>link</c>, and
/// the last <c>rel="alternate"</c> link of an Atom feed.
/// </summary>
public sealed class NewsboatTests(HostileFeedFixture feed, SampleFeedsFixture samples) : IClassFixture<HostileFeedFixture>, IClassFixture<SampleFeedsFixture>
{
    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task FeedTitle_AfterReload_IsTheTitleAsWritten(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        Assert.Equal(HostileFeed.Title, cache.Feed.Title);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryTitles_AfterReload_AreTheTitlesAsWritten(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a => a.ShownTitle, a => cache.ItemOf(a).Title);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryAuthors_AfterReload_AreTheNamesAsWritten(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a => a.ShownAuthor, a => cache.ItemOf(a).Author);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryContent_AfterReload_RendersTheBodyAsWritten(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        // newsboat renders the content as HTML: the body is text, so it must come out as it went in.
        ReaderAssert.ForEachArticle(a => Assert.Contains(a.Body, ReaderText.Folded(ReaderText.FromHtml(cache.ItemOf(a).Content)), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task ImageCaptionAndCredit_AfterReload_AreRenderedAsWritten(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        // The only place newsboat shows the lead picture's caption and credit is the figure that starts the content.
        var shown = ReaderText.Folded(ReaderText.FromHtml(cache.ItemOf(HostileFeed.Picture).Content));
        Assert.Contains(HostileFeed.Picture.Image!.Caption, shown, StringComparison.Ordinal);
        Assert.Contains(HostileFeed.Picture.Image!.Credit, shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task FeedLink_AfterReload_IsTheSitesPage(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        Assert.Equal(HostileFeed.Link, cache.Feed.Url);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task SeedArticle_AfterReload_EndsWithItsReadAlsoLink(string document)
    {
        var cache = await Newsboat.ReloadAsync(samples.UrlOf(document));

        var links = ReadAlsoSection.LinksAtEnd(cache.ItemTitled(SampleFeedsFixture.SeedTitle).Content);
        Assert.NotEmpty(links);
        Assert.Equal(SampleFeedsFixture.SeedReadAlsoTitle, links[0].Title);
        Assert.True(Uri.TryCreate(links[0].Href, UriKind.Absolute, out var href) && href.Scheme == Uri.UriSchemeHttps, links[0].Href);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task ReadAlsoList_AfterReload_HasTheEditorsTitlesFirstAndOtherArticlesAfter(string document)
    {
        var cache = await Newsboat.ReloadAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(article => ReadAlsoSection.AssertEndsContent(article, cache.ItemOf(article).Content));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task TagFeed_AfterReload_ShowsTheTaggedArticleUnderTheTagsTitle(string document)
    {
        var (title, tag) = SampleFeedsFixture.TaggedArticle;

        var cache = await Newsboat.ReloadAsync(samples.UrlOf(DerivedFeedName.Tag(DerivedFeedName.SlugOf(DerivedFeedName.Key(tag))), document));

        Assert.Equal($"Feeds: {tag}", cache.Feed.Title); // the newsroom's title (the default, "Feeds"), then the tag
        Assert.Equal([title], cache.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task AllNewsFeed_AfterReload_ShowsTheSeedAsItsOwnFeedDoesWithItsReadAlsoLink(string document)
    {
        var all = await Newsboat.ReloadAsync(samples.UrlOf("all", document));
        var world = await Newsboat.ReloadAsync(samples.UrlOf(document));

        var seed = all.ItemTitled(SampleFeedsFixture.SeedTitle);
        Assert.Equal(world.ItemTitled(SampleFeedsFixture.SeedTitle), seed); // same guid, link, author and content
        Assert.Equal(SampleFeedsFixture.SeedReadAlsoTitle, ReadAlsoSection.LinksAtEnd(seed.Content)[0].Title);
    }
}
