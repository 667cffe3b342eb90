using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Sources;

namespace Syndication.Tests.Feeds;

public sealed class RelatedLinkResolverTests
{
    private static readonly FeedDefinition World = Definition("world", "https://news.example.com/world/");
    private static readonly FeedDefinition Europe = Definition("europe", "https://news.example.com/europe/");

    private static readonly Article Serbia = TestArticles.Create("serbia.txt", "Serbia's ammunition ends up in Ukraine through various countries");
    private static readonly Article Linked = TestArticles.Create("linked.txt", "Linked story") with { Link = new Uri("https://elsewhere.example.org/linked") };

    private readonly RelatedLinkResolver _resolver = new(new FeedCatalog(
        [new SourceFeed(World, []), new SourceFeed(Europe, [Serbia, Linked])], []));

    [Fact]
    public void Resolve_UrlGivenWithTheTitle_UsesIt()
    {
        var link = _resolver.Resolve(new RelatedReference("Serbia's ammunition ends up in Ukraine through various countries", new Uri("https://given.example/x"), 3), World);

        Assert.Equal(new RelatedLink(new Uri("https://given.example/x"), "Serbia's ammunition ends up in Ukraine through various countries", RelatedLinkSource.Explicit), link);
    }

    [Fact]
    public void Resolve_TitleOfAnArticleInAnotherFeed_LinksToThatArticle()
    {
        // Typographic apostrophe, other case, trailing punctuation: still the same title.
        var link = _resolver.Resolve(new RelatedReference("SERBIA’S ammunition ends up in Ukraine through various countries.", null, 3), World);

        Assert.Equal(new Uri("https://news.example.com/europe/serbias-ammunition-ends-up-in-ukraine-through-various-countries/"), link.Href);
        Assert.Equal(RelatedLinkSource.TitleMatch, link.Source);
        Assert.Equal("SERBIA’S ammunition ends up in Ukraine through various countries.", link.Title);
    }

    [Fact]
    public void Resolve_TitleOfAnArticleWithItsOwnLink_UsesThatLink()
    {
        var link = _resolver.Resolve(new RelatedReference("Linked story", null, 1), World);

        Assert.Equal(new Uri("https://elsewhere.example.org/linked"), link.Href);
    }

    [Fact]
    public void Resolve_UnknownTitle_AppliesTheFeedsLinkPatternToTheSlug()
    {
        var link = _resolver.Resolve(new RelatedReference("Nothing like this was published", null, 1), World);

        Assert.Equal(new Uri("https://news.example.com/world/nothing-like-this-was-published/"), link.Href);
        Assert.Equal(RelatedLinkSource.SlugFallback, link.Source);
    }

    [Fact]
    public void Resolve_UnknownTitleWithACustomPattern_UsesThePattern()
    {
        var feed = World with { ArticleLinkPattern = "https://news.example.com/a/{slug}.html" };

        var link = _resolver.Resolve(new RelatedReference("Some story", null, 1), feed);

        Assert.Equal(new Uri("https://news.example.com/a/some-story.html"), link.Href);
    }

    [Fact]
    public void ResolveAll_DropsDuplicatesAndLinksToItself()
    {
        var article = TestArticles.Create("self.txt", "Self") with
        {
            Related =
            [
                new RelatedReference("Self", null, 1),
                new RelatedReference("Linked story", null, 2),
                new RelatedReference("linked story!", null, 3),
            ],
        };

        var links = _resolver.ResolveAll(article, World);

        Assert.Equal([new Uri("https://elsewhere.example.org/linked")], links.Select(l => l.Href));
    }

    [Fact]
    public void ResolveAll_WithComputedLinks_PutsTheEditorsFirstAndNeverRepeatsThem()
    {
        const string Shells = "North Korean artillery shells and munitions shipped from Far East ports to Russian depots near Ukraine.";
        var first = TestArticles.Create("a.txt", "North Korea ships artillery shells to Russia", Shells) with
        {
            Related = [new RelatedReference("Munitions reach the Russian front line", null, 5)],
        };
        var second = TestArticles.Create("b.txt", "Munitions reach the Russian front line", "Rail data trace North Korean artillery shells and munitions from Far East ports to depots near Ukraine.");
        var third = TestArticles.Create("c.txt", "Shell shipments continue from Far East ports", "More North Korean artillery shells and munitions leave Far East ports for Russian depots near Ukraine.");
        var unrelated = TestArticles.Create("d.txt", "Local club wins the cup", "The striker scored twice and supporters sang in the rain.");
        var resolver = new RelatedLinkResolver(new FeedCatalog([new SourceFeed(World, [first, second, third, unrelated])], []), new Syndication.Feeds.Related.RelatedOptions());

        var links = resolver.ResolveAll(first, World);

        Assert.Equal(
            [("Munitions reach the Russian front line", RelatedLinkSource.TitleMatch), ("Shell shipments continue from Far East ports", RelatedLinkSource.Computed)],
            links.Select(l => (l.Title, l.Source)));
        Assert.Equal(links.Count, links.Select(l => l.Href).Distinct().Count());
    }

    [Fact]
    public void ResolveAll_WithoutRelatedOptions_ComputesNothing()
    {
        var twin = TestArticles.Create("twin.txt", "A twin story", "Serbia's ammunition ends up in Ukraine through various countries");
        var catalog = new FeedCatalog([new SourceFeed(World, [Serbia with { BodyHtml = twin.BodyHtml }, twin])], []);

        Assert.Empty(new RelatedLinkResolver(catalog).ResolveAll(twin, World));
        Assert.NotEmpty(new RelatedLinkResolver(catalog, new Syndication.Feeds.Related.RelatedOptions()).ResolveAll(twin, World));
    }

    private static FeedDefinition Definition(string name, string link) => new()
    {
        Name = name,
        Title = name,
        Description = name,
        Link = new Uri(link),
        Language = "en",
        Author = new Person("Desk"),
    };
}
