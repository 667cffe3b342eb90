using Syndication.Feeds.Derived;

namespace Syndication.Tests.Readers;

/// <summary>
/// What Python's feedparser shows for <see cref="HostileFeed"/>, fetched from Azurite as RSS and as Atom. A text
/// construct is shown as HTML when feedparser types it <c>text/html</c> and as it is otherwise; feedparser types RSS
/// descriptions as HTML, RSS titles as text unless they look like HTML, and Atom text by its <c>type</c>. As the
/// feed's link it takes the RSS <c>link</c>, and the last <c>rel="alternate"</c> link of an HTML type in Atom.
/// </summary>
public sealed class FeedparserTests(HostileFeedFixture feed, SampleFeedsFixture samples) : IClassFixture<HostileFeedFixture>, IClassFixture<SampleFeedsFixture>
{
    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task FeedTitle_Parsed_IsTheTitleAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        Assert.Equal(HostileFeed.Title, parsed.Feed.Title?.Shown);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task FeedDescription_Parsed_IsTheDescriptionAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        Assert.Equal(HostileFeed.Description, parsed.Feed.Subtitle?.Shown);
    }

    // RSS has no channel author feedparser reads as a name (managingEditor is an e-mail address), so Atom only.
    [Fact]
    public async Task FeedAuthor_ParsedFromAtom_IsTheNameAsWritten()
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf("atom.xml"));

        Assert.Equal(HostileFeed.Author, parsed.Feed.Author?.Name);
    }

    // RSS has one image, the logo, with the channel's title and link; Atom has both.
    [Fact]
    public async Task FeedImage_ParsedFromRss_IsTheLogoWithTheChannelsTitleAndLink()
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf("rss.xml"));

        Assert.Equal(new Feedparser.Image(HostileFeed.Logo, HostileFeed.Title, "https://news.example.com/markets/"), parsed.Feed.Image);
    }

    [Fact]
    public async Task FeedIconAndLogo_ParsedFromAtom_AreTheImagesAsWritten()
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf("atom.xml"));

        Assert.Equal((HostileFeed.Icon, HostileFeed.Logo), (parsed.Feed.Icon, parsed.Feed.Logo));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryTitles_Parsed_AreTheTitlesAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a => a.ShownTitle, a => parsed.EntryOf(a).Title?.Shown);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntrySummaries_Parsed_AreTheSummariesAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        // The article with a picture too: its caption is media:title, which feedparser leaves alone (it would put a
        // media:description into summary_detail in place of the item's description).
        ReaderAssert.ForEachArticle(a => a.Summary, a => parsed.EntryOf(a).Summary?.Shown);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryAuthors_Parsed_AreTheNamesAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a => a.ShownAuthor, a => parsed.EntryOf(a).Author?.Name);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryTags_Parsed_AreTheTagsAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a => ReaderAssert.Joined(a.ShownTags), a => ReaderAssert.Joined(parsed.EntryOf(a).Tags.Select(t => t.Term)));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task RelatedLinks_Parsed_HaveTheEditorsTitlesFirstAndArticleTitlesAfter(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(article =>
        {
            var related = parsed.EntryOf(article).Links.Where(l => l.Rel == "related").ToList();
            var editors = article.Related.Select(r => r.Title).ToList();
            Assert.Equal(ReaderAssert.Joined(editors), ReaderAssert.Joined(related.Take(editors.Count).Select(l => l.Title)));
            Assert.Equal(
                article.Related.Where(r => r.Url is not null).Select(r => r.Url),
                article.Related.Zip(related).Where(p => p.First.Url is not null).Select(p => p.Second.Href));
            // The computed links that follow name other articles of the feed, by their titles.
            var others = HostileFeed.Articles.Where(a => a != article).Select(a => a.ShownTitle).ToList();
            Assert.All(related.Skip(editors.Count), l => Assert.Contains(l.Title, others));
        });
    }

    [Fact]
    public async Task ImageCredit_ParsedFromRss_IsTheMediaCreditAsWritten()
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf("rss.xml"));

        var entry = parsed.EntryOf(HostileFeed.Picture);
        Assert.Equal(HostileFeed.Picture.Image!.Url, Assert.Single(entry.MediaContent)["url"]);
        Assert.Equal(HostileFeed.Picture.Image!.Credit, Assert.Single(entry.MediaCredit).GetValueOrDefault("content"));
    }

    [Fact]
    public async Task ImageCaption_ParsedFromAtom_IsTheEnclosureTitleAsWritten()
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf("atom.xml"));

        var enclosure = Assert.Single(parsed.EntryOf(HostileFeed.Picture).Links, l => l.Rel == "enclosure");
        Assert.Equal(HostileFeed.Picture.Image!.Url, enclosure.Href);
        Assert.Equal(HostileFeed.Picture.Image!.Caption, enclosure.Title);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task EntryContent_Parsed_RendersTheBodyAndCaptionAsWritten(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(a =>
        {
            var content = Assert.Single(parsed.EntryOf(a).Content, c => c.Type == "text/html");
            var shown = ReaderText.Folded(content.Shown!);
            Assert.Contains(a.Body, shown, StringComparison.Ordinal);
            if (a.Image is { } image)
            {
                Assert.Contains(image.Caption, shown, StringComparison.Ordinal);
                Assert.Contains(image.Credit, shown, StringComparison.Ordinal);
            }
        });
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task FeedLink_Parsed_IsTheSitesPage(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        Assert.Equal(HostileFeed.Link, parsed.Feed.Link);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task SeedArticle_Parsed_EndsWithItsReadAlsoLink(string document)
    {
        var parsed = await Feedparser.ParseAsync(samples.UrlOf(document));

        var content = parsed.EntryTitled(SampleFeedsFixture.SeedTitle).Content[0];
        Assert.Equal("text/html", content.Type);
        var links = ReadAlsoSection.LinksAtEnd(content.Value!);
        Assert.NotEmpty(links);
        Assert.Equal(SampleFeedsFixture.SeedReadAlsoTitle, links[0].Title);
        Assert.True(Uri.TryCreate(links[0].Href, UriKind.Absolute, out var href) && href.Scheme == Uri.UriSchemeHttps, links[0].Href);
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task ReadAlsoList_Parsed_EndsTheContentButNotTheSummary(string document)
    {
        var parsed = await Feedparser.ParseAsync(feed.UrlOf(document));

        ReaderAssert.ForEachArticle(article =>
        {
            var entry = parsed.EntryOf(article);
            ReadAlsoSection.AssertEndsContent(article, Assert.Single(entry.Content, c => c.Type == "text/html").Value!);
            Assert.DoesNotContain("Read also", entry.Summary?.Shown ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task TagFeed_Parsed_HasTheTaggedArticleWithTheIdOfItsOwnFeed(string document)
    {
        var (title, tag) = SampleFeedsFixture.TaggedArticle;

        var parsed = await Feedparser.ParseAsync(samples.UrlOf(DerivedFeedName.Tag(DerivedFeedName.SlugOf(DerivedFeedName.Key(tag))), document));
        var world = await Feedparser.ParseAsync(samples.UrlOf(document));

        Assert.Equal($"Feeds: {tag}", parsed.Feed.Title?.Shown);
        var entry = Assert.Single(parsed.Entries);
        Assert.Equal(world.EntryTitled(title).Id, entry.Id);
        Assert.Contains(tag, entry.Tags.Select(t => t.Term));
    }

    [Theory]
    [InlineData("rss.xml")]
    [InlineData("atom.xml")]
    public async Task AllNewsFeed_Parsed_HasEveryEntryOfTheSeedsFeedOnce(string document)
    {
        var all = await Feedparser.ParseAsync(samples.UrlOf("all", document));
        var world = await Feedparser.ParseAsync(samples.UrlOf(document));

        Assert.All(world.Entries, entry => Assert.Single(all.Entries, e => e.Id == entry.Id));
        Assert.Equal(all.Entries.Count, all.Entries.Select(e => e.Id).Distinct().Count());
    }
}
