using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Publishing;
using Syndication.Sources;

namespace Syndication.Tests.Publishing;

public sealed class EmbargoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static Article Dated(string fileName, string title, DateTimeOffset? published, params string[] readAlso) =>
        TestArticles.Create(fileName, title) with { Published = published, Related = [.. readAlso.Select(t => new RelatedReference(t, null, 1))] };

    private static FeedCatalog Catalog(params Article[] articles) => new([new SourceFeed(TestEntries.Definition(), articles)], []);

    [Theory]
    [InlineData(-1, false)] // a second before the run
    [InlineData(0, false)]  // due at the run's instant: visible
    [InlineData(1, true)]   // a second after the run
    public void Apply_ArticleDatedAroundTheRunsInstant_IsHeldOnlyWhenLater(int seconds, bool held)
    {
        var (visible, embargo) = Embargo.Apply(Catalog(Dated("a.txt", "A", Now.AddSeconds(seconds))), Now);

        Assert.Equal(held ? 0 : 1, visible.Feeds[0].Articles.Count);
        Assert.Equal(held ? 1 : 0, embargo.Held.Count);
    }

    [Fact]
    public void Apply_FutureArticle_IsHeldWithItsFileAndDateAndTheOthersStay()
    {
        var later = Dated("later.txt", "Later", Now.AddDays(2));
        var sooner = Dated("sooner.txt", "Sooner", Now.AddHours(1));

        var (visible, embargo) = Embargo.Apply(Catalog(Dated("a.txt", "A", Now.AddDays(-1)), later, Dated("b.txt", "B", null), sooner), Now);

        Assert.Equal(["a.txt", "b.txt"], visible.Feeds[0].Articles.Select(a => a.FileName));
        Assert.Equal([(later.SourcePath, Now.AddDays(2)), (sooner.SourcePath, Now.AddHours(1))], embargo.Held.Select(h => (h.File, h.Until)));
        Assert.Equal(Now.AddHours(1), embargo.NextRelease);
    }

    [Fact]
    public void Apply_NothingHeld_KeepsTheCatalogAndHasNoRelease()
    {
        var catalog = Catalog(Dated("a.txt", "A", Now));

        var (visible, embargo) = Embargo.Apply(catalog, Now);

        Assert.Same(catalog, visible);
        Assert.Null(embargo.NextRelease);
    }

    [Fact]
    public void Apply_ReadAlsoNamingAHeldArticle_IsLeftOutUntilItIsDue()
    {
        var catalog = Catalog(Dated("a.txt", "A", Now.AddDays(-1), "Embargoed story", "B"), Dated("b.txt", "B", null), Dated("c.txt", "Embargoed story", Now.AddMinutes(1)));

        var before = Embargo.Apply(catalog, Now).Visible.Feeds[0].Articles[0];
        var after = Embargo.Apply(catalog, Now.AddMinutes(1)).Visible.Feeds[0].Articles[0];

        Assert.Equal(["B"], before.Related.Select(r => r.Title));
        Assert.Equal(["Embargoed story", "B"], after.Related.Select(r => r.Title));
        Assert.Equal(before.ContentHash, after.ContentHash); // the article did not change: its entry keeps its dates
    }

    [Fact]
    public void Apply_ReadAlsoTitleAlsoUsedByAVisibleArticle_IsKept()
    {
        var catalog = Catalog(Dated("a.txt", "A", null, "Same title"), Dated("b.txt", "Same title", null), Dated("c.txt", "Same title", Now.AddDays(1)));

        var article = Embargo.Apply(catalog, Now).Visible.Feeds[0].Articles[0];

        Assert.Equal(["Same title"], article.Related.Select(r => r.Title));
    }

    [Fact]
    public void Apply_HeldArticle_IsNeverAComputedRelatedArticle()
    {
        var text = "Ammunition shipments from the Balkans reach the front through several countries";
        var catalog = new FeedCatalog([new SourceFeed(TestEntries.Definition(),
        [
            TestArticles.Create("a.txt", "Shipments", text) with { Published = Now.AddDays(-1) },
            TestArticles.Create("b.txt", "More shipments", text) with { Published = Now.AddDays(1) },
        ])], []);
        var visible = Embargo.Apply(catalog, Now).Visible;
        var resolver = new RelatedLinkResolver(visible, new Syndication.Feeds.Related.RelatedOptions { MinScore = 0 });

        var links = resolver.ResolveAll(visible.Feeds[0].Articles[0], visible.Feeds[0].Definition);

        Assert.Empty(links);
        // The same two articles, both visible, are related: the test can fail.
        var all = new RelatedLinkResolver(Embargo.Apply(catalog, Now.AddDays(1)).Visible, new Syndication.Feeds.Related.RelatedOptions { MinScore = 0 });
        Assert.NotEmpty(all.ResolveAll(catalog.Feeds[0].Articles[0], catalog.Feeds[0].Definition));
    }

    [Fact]
    public void Apply_FeedReadAgain_HoldsAtTheRunsInstantWithTheTitlesOfTheFirstRead()
    {
        var held = Dated("c.txt", "Embargoed story", Now.AddMinutes(1));
        var other = new SourceFeed(TestEntries.Definition("other"), [held]);
        var feed = new SourceFeed(TestEntries.Definition(), [Dated("a.txt", "A", null, "Embargoed story")]);
        var (_, embargo) = Embargo.Apply(new FeedCatalog([feed, other], []), Now);

        var again = embargo.Apply(feed with { Articles = [.. feed.Articles, Dated("d.txt", "Saved meanwhile", Now.AddHours(1))] });

        Assert.Equal(["a.txt"], again.Articles.Select(a => a.FileName));
        Assert.Empty(again.Articles[0].Related);
        Assert.Single(embargo.Held); // the first read's, as the run reports it
    }
}
