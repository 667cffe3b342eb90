using Syndication.Articles;
using Syndication.Feeds;

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
