using Syndication.Articles;
using Syndication.Feeds.Derived;
using Syndication.Sources;

namespace Syndication.Tests.Feeds.Derived;

public sealed class DerivedFeedPlanTests
{
    private const string Newsroom = "Newsroom";

    private static readonly Uri FeedList = new("https://feeds.example.org/");

    private static readonly DerivedFeedOptions Everything = new() { Tags = true, Authors = true, All = true };

    private static readonly DerivedFeedOptions Nothing = new();

    private static SourceFeed Feed(string name, DerivedFeedChoice choice, params Article[] articles) =>
        new(TestEntries.Definition(name) with { Derived = choice }, articles);

    private static SourceFeed Feed(string name, params Article[] articles) => Feed(name, DerivedFeedChoice.Unset, articles);

    /// <summary>Article <paramref name="file"/> of feed <paramref name="feed"/>, by <paramref name="author"/> (else the feed's author, "A").</summary>
    private static Article Article(string feed, string file, string? author, params string[] tags) =>
        TestArticles.Create(file, file) with { SourcePath = $"feeds/{feed}/{file}", Author = author is null ? null : new Person(author), Tags = tags };

    private static DerivedFeedPlan Plan(DerivedFeedOptions options, params SourceFeed[] feeds) => DerivedFeedPlan.Of(feeds, options, Newsroom, FeedList);

    private static string[] Names(DerivedFeedPlan plan) => [.. plan.Feeds.Select(f => f.Definition.Name)];

    private static DerivedFeed Named(DerivedFeedPlan plan, string name) => plan.Feeds.Single(f => f.Definition.Name == name);

    [Fact]
    public void Of_NothingChosen_PlansNoFeed()
    {
        var plan = Plan(Nothing, Feed("world", Article("world", "1.md", "Jane Doe", "Ukraine")));

        Assert.Empty(plan.Feeds);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Of_EverythingChosen_PlansTheFeedOfAllThenOnePerAuthorThenOnePerTagEachBySlug()
    {
        var plan = Plan(Everything,
            Feed("world", Article("world", "1.md", "Jane Doe", "Ukraine", "North Korea"), Article("world", "2.md", null, "Ukraine")));

        // "A" is the feed's author, for the article that names none.
        Assert.Equal(["all", "authors/a", "authors/jane-doe", "tags/north-korea", "tags/ukraine"], Names(plan));
        Assert.All(plan.Feeds, f => Assert.Equal(["world"], f.Sources));
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Of_ChosenByOptionsButFeedSaysFalse_LeavesThatFeedsArticlesOut()
    {
        var plan = Plan(new DerivedFeedOptions { Tags = true },
            Feed("world", Article("world", "1.md", null, "Ukraine")),
            Feed("sport", new DerivedFeedChoice(false, null, null), Article("sport", "1.md", null, "Ukraine", "Football")));

        Assert.Equal(["tags/ukraine"], Names(plan));
        Assert.Equal(["world"], plan.Feeds[0].Sources);
        Assert.Empty(plan.FeedsOf("sport", ["Ukraine", "Football"], new Person("A")));
        Assert.Equal(["tags/ukraine"], plan.FeedsOf("world", ["Ukraine"], new Person("A")));
    }

    [Fact]
    public void Of_NotChosenByOptionsButFeedSaysTrue_TakesOnlyThatFeedsArticles()
    {
        var plan = Plan(Nothing,
            Feed("world", new DerivedFeedChoice(true, null, null), Article("world", "1.md", "Jane Doe", "Ukraine")),
            Feed("sport", Article("sport", "1.md", "Jane Doe", "Ukraine", "Football")));

        Assert.Equal(["tags/ukraine"], Names(plan));
        Assert.Equal(["world"], plan.Feeds[0].Sources);
        Assert.Empty(plan.FeedsOf("sport", ["Ukraine"], new Person("Jane Doe")));
    }

    [Fact]
    public void Of_EachKindChosenSeparately_PlansOnlyThatKind()
    {
        var plan = Plan(Nothing,
            Feed("world", new DerivedFeedChoice(null, true, null), Article("world", "1.md", "Jane Doe", "Ukraine")),
            Feed("sport", new DerivedFeedChoice(null, null, true), Article("sport", "1.md", "John Roe", "Football")));

        Assert.Equal(["all", "authors/jane-doe"], Names(plan));
        Assert.Equal(["sport"], Named(plan, "all").Sources);
        Assert.Equal(["world"], Named(plan, "authors/jane-doe").Sources);
    }

    [Fact]
    public void FeedsOf_AnEntry_GivesTheFeedOfAllItsAuthorsAndItsTagsMatchedWithoutRegardToCaseOrSpaces()
    {
        var plan = Plan(Everything,
            Feed("world", Article("world", "1.md", "Jane Doe", "Ukraine", "North Korea")),
            Feed("sport", Article("sport", "1.md", "John Roe", "Football")));

        Assert.Equal(["all", "authors/jane-doe", "tags/ukraine", "tags/north-korea"],
            plan.FeedsOf("world", [" ukraine", "NORTH  korea"], new Person("jane DOE")));
        Assert.Equal(["all", "authors/john-roe"], plan.FeedsOf("sport", ["Unheard of"], new Person("John Roe")));
        Assert.Equal(["all", "tags/ukraine"], plan.FeedsOf("world", ["Ukraine", "UKRAINE"], new Person("Nobody known")));
    }

    [Fact]
    public void FeedsOf_AFeedNotInThePlan_GivesNothing()
    {
        var plan = Plan(Everything, Feed("world", Article("world", "1.md", "Jane Doe", "Ukraine")));

        Assert.Empty(plan.FeedsOf("elsewhere", ["Ukraine"], new Person("Jane Doe")));
    }

    [Fact]
    public void Of_TwoTagsMakingOneSlug_ShareOneFeedNamingBothAndWarnWithAFileUsingEach()
    {
        var plan = Plan(new DerivedFeedOptions { Tags = true },
            Feed("world", Article("world", "2.md", null, "C#"), Article("world", "1.md", null, "C#")),
            Feed("tech", Article("tech", "1.md", null, "C")));

        var feed = Assert.Single(plan.Feeds);
        Assert.Equal("tags/c", feed.Definition.Name);
        Assert.Equal(["tech", "world"], feed.Sources);
        // Keys in ordinal order ("c" < "c#"), each as the articles spell it.
        Assert.Equal("Newsroom: C / C#", feed.Definition.Title);
        Assert.Equal(["tags/c"], plan.FeedsOf("world", ["C#"], new Person("A")));
        Assert.Equal(["tags/c"], plan.FeedsOf("tech", ["C"], new Person("A")));

        Assert.Equal(2, plan.Diagnostics.Count);
        Assert.All(plan.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        // The first file (in ordinal order) that uses each tag.
        var cSharp = Assert.Single(plan.Diagnostics, d => d.File == "feeds/world/1.md");
        var c = Assert.Single(plan.Diagnostics, d => d.File == "feeds/tech/1.md");
        // Each named as the articles spell it.
        Assert.StartsWith("the tag 'C#' ", cSharp.Message, StringComparison.Ordinal);
        Assert.Contains("'C'", cSharp.Message, StringComparison.Ordinal);
        Assert.StartsWith("the tag 'C' ", c.Message, StringComparison.Ordinal);
        Assert.Contains("'C#'", c.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_TwoAuthorsMakingOneSlug_ShareOneFeedNamingBothByTheNewsroomAndWarn()
    {
        var plan = Plan(new DerivedFeedOptions { Authors = true },
            Feed("world", Article("world", "1.md", "Anne-Marie Roe")),
            Feed("sport", Article("sport", "1.md", "Anne Marie Roe")) with { Definition = TestEntries.Definition("sport") with { Author = new Person("Sport desk") } });

        var feed = Assert.Single(plan.Feeds);
        Assert.Equal("authors/anne-marie-roe", feed.Definition.Name);
        // Keys in ordinal order: ' ' sorts before '-'.
        Assert.Equal("Newsroom: Anne Marie Roe / Anne-Marie Roe", feed.Definition.Title);
        Assert.Equal(new Person(Newsroom), feed.Definition.Author);
        Assert.Equal(["feeds/sport/1.md", "feeds/world/1.md"], plan.Diagnostics.Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.All(plan.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Of_CaseAndSpaceVariantsOfATag_AreOneTagWithoutWarningTitledAsMostArticlesSpellIt()
    {
        var plan = Plan(new DerivedFeedOptions { Tags = true },
            Feed("world", Article("world", "1.md", null, "UKRAINE"), Article("world", "2.md", null, "Ukraine"), Article("world", "3.md", null, "Ukraine")),
            Feed("sport", Article("sport", "1.md", null, "ukraine ")));

        var feed = Assert.Single(plan.Feeds);
        Assert.Equal("tags/ukraine", feed.Definition.Name);
        Assert.Equal("Newsroom: Ukraine", feed.Definition.Title);
        Assert.Equal(["sport", "world"], feed.Sources);
        Assert.Empty(plan.Diagnostics);
    }

    [Theory]
    [InlineData("tags", "tags/")]
    [InlineData("authors", "authors/")]
    [InlineData("all", "all")]
    public void Of_AFolderFeedNamedLikeAKind_BlocksThatKindWithAnErrorAndPlansTheOthers(string folder, string blocked)
    {
        var plan = Plan(Everything,
            Feed(folder, Article(folder, "1.md", "Jane Doe", "Ukraine")),
            Feed("world", Article("world", "1.md", "John Roe", "Football")));

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal($"feeds/{folder}/feed.json", error.File); // beside the folder's articles, as the source names them
        Assert.Contains($"'{folder}'", error.Message, StringComparison.Ordinal);

        string[] every = ["all", "authors/jane-doe", "authors/john-roe", "tags/football", "tags/ukraine"];
        Assert.Equal(every.Where(n => !n.StartsWith(blocked, StringComparison.Ordinal)), Names(plan));
        Assert.DoesNotContain(plan.FeedsOf("world", ["Football"], new Person("John Roe")), n => n.StartsWith(blocked, StringComparison.Ordinal));
    }

    [Fact]
    public void Of_AFolderFeedNamedTagsWhenNoFeedChoosesTags_IsNoError()
    {
        var plan = Plan(new DerivedFeedOptions { All = true }, Feed("tags", Article("tags", "1.md", null, "Ukraine")));

        Assert.Empty(plan.Diagnostics);
        Assert.Equal(["all"], Names(plan));
    }

    [Fact]
    public void Of_TheFeedOfAll_IsTitledAndDescribedByTheNewsroom()
    {
        var definition = Named(Plan(Everything, Feed("world", Article("world", "1.md", null))), "all").Definition;

        Assert.Equal("Newsroom", definition.Title);
        Assert.Equal("Every article of Newsroom.", definition.Description);
    }

    [Fact]
    public void Of_SourcesSharingALink_LinkTheDerivedFeedToIt()
    {
        var world = new Uri("https://example.com/news/");
        var plan = Plan(new DerivedFeedOptions { All = true },
            Feed("world", Article("world", "1.md", null)) with { Definition = TestEntries.Definition("world") with { Link = world } },
            Feed("sport", Article("sport", "1.md", null)) with { Definition = TestEntries.Definition("sport") with { Link = world } });

        Assert.Equal(world, plan.Feeds[0].Definition.Link);
    }

    [Fact]
    public void Of_SourcesOnOneSiteWithDifferentLinks_LinkTheDerivedFeedToTheSitesRoot()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            WithLink(Feed("world", Article("world", "1.md", null)), "https://example.com:8443/world/"),
            WithLink(Feed("sport", Article("sport", "1.md", null)), "https://example.com:8443/sport/?x=1"));

        Assert.Equal(new Uri("https://example.com:8443/"), plan.Feeds[0].Definition.Link);
    }

    [Fact]
    public void Of_SourcesOnOneHostWithDifferentPorts_LinkTheDerivedFeedToTheFeedList()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            WithLink(Feed("world", Article("world", "1.md", null)), "https://example.com/world/"),
            WithLink(Feed("sport", Article("sport", "1.md", null)), "https://example.com:8443/sport/"));

        Assert.Equal(FeedList, plan.Feeds[0].Definition.Link);
    }

    [Fact]
    public void Of_SourcesOnDifferentSites_LinkTheDerivedFeedToTheFeedList()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            WithLink(Feed("world", Article("world", "1.md", null)), "https://world.example.com/"),
            WithLink(Feed("sport", Article("sport", "1.md", null)), "https://sport.example.com/"));

        Assert.Equal(FeedList, plan.Feeds[0].Definition.Link);
    }

    [Fact]
    public void Of_TheOptionsLink_WinsOverWhatTheSourcesShare()
    {
        var link = new Uri("https://newsroom.example.net/");
        var plan = Plan(new DerivedFeedOptions { All = true, Tags = true, Link = link },
            WithLink(Feed("world", Article("world", "1.md", null, "Ukraine")), "https://example.com/world/"));

        Assert.All(plan.Feeds, f => Assert.Equal(link, f.Definition.Link));
        Assert.Equal(2, plan.Feeds.Count);
    }

    [Fact]
    public void Of_Language_IsTheOneMostArticlesAreWrittenIn()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            WithLanguage(Feed("world", Article("world", "1.md", null), Article("world", "2.md", null)), "uk"),
            WithLanguage(Feed("sport", Article("sport", "1.md", null)), "en"));

        Assert.Equal("uk", plan.Feeds[0].Definition.Language);
    }

    [Fact]
    public void Of_LanguagesOfAsManyArticles_TheFirstInOrdinalOrderWins()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            WithLanguage(Feed("world", Article("world", "1.md", null)), "uk"),
            WithLanguage(Feed("sport", Article("sport", "1.md", null)), "de"));

        Assert.Equal("de", plan.Feeds[0].Definition.Language);
    }

    [Fact]
    public void Of_AuthorIconAndLogo_AreWhatEverySourceShares()
    {
        var icon = new Uri("https://example.com/icon.png");
        var logo = new Uri("https://example.com/logo.png");
        var desk = new Person("Desk", new Uri("https://example.com/desk"));
        SourceFeed Styled(string name) =>
            Feed(name, Article(name, "1.md", null)) with { Definition = TestEntries.Definition(name) with { Icon = icon, Logo = logo, Author = desk } };

        var definition = Plan(new DerivedFeedOptions { All = true }, Styled("world"), Styled("sport")).Feeds[0].Definition;

        Assert.Equal(desk, definition.Author);
        Assert.Equal(icon, definition.Icon);
        Assert.Equal(logo, definition.Logo);
    }

    [Fact]
    public void Of_AuthorIconAndLogo_SourcesDiffer_TheNewsroomAndNoImages()
    {
        var plan = Plan(new DerivedFeedOptions { All = true },
            Feed("world", Article("world", "1.md", null)) with
            {
                Definition = TestEntries.Definition("world") with { Icon = new Uri("https://example.com/w.png"), Author = new Person("World desk") },
            },
            Feed("sport", Article("sport", "1.md", null)) with
            {
                Definition = TestEntries.Definition("sport") with { Icon = new Uri("https://example.com/s.png"), Author = new Person("Sport desk") },
            });

        var definition = plan.Feeds[0].Definition;
        Assert.Equal(new Person(Newsroom), definition.Author);
        Assert.Null(definition.Icon);
        Assert.Null(definition.Logo);
    }

    [Fact]
    public void Of_AnAuthorsFeed_IsByThePersonMostArticlesName()
    {
        var jane = new Person("Jane Doe", new Uri("https://example.com/jane"));
        var plan = Plan(new DerivedFeedOptions { Authors = true },
            Feed("world",
                Article("world", "1.md", null) with { Author = jane },
                Article("world", "2.md", null) with { Author = jane },
                Article("world", "3.md", null) with { Author = new Person("JANE DOE") }));

        var definition = Assert.Single(plan.Feeds).Definition;
        Assert.Equal("authors/jane-doe", definition.Name);
        Assert.Equal(jane, definition.Author);
        Assert.Equal("Newsroom: Jane Doe", definition.Title);
        Assert.Equal("Articles by Jane Doe in Newsroom.", definition.Description);
    }

    [Fact]
    public void Ended_GivesThePublishedNamesNoLongerPlannedOnceEachInOrderAndEmpty()
    {
        var plan = Plan(Everything, Feed("world", Article("world", "1.md", null, "Ukraine")));

        var ended = plan.Ended(["tags/ukraine", "tags/gone", "all", "authors/old", "tags/gone"], Newsroom, FeedList);

        Assert.Equal(["authors/old", "tags/gone"], ended.Select(f => f.Definition.Name));
        Assert.All(ended, f => Assert.Empty(f.Sources));
        Assert.All(ended, f => Assert.Equal(FeedList, f.Definition.Link));
        Assert.Equal("Newsroom: gone", ended[1].Definition.Title);
    }

    [Fact]
    public void Ended_NameAFolderFeedHasTakenSince_IsLeftToThatFeed()
    {
        // "all" and the tag feeds were published as derived feeds; folders named "all" and "tags" came since.
        var plan = Plan(Everything, Feed("all", Article("all", "1.md", null)), Feed("tags", Article("tags", "1.md", null)), Feed("world", Article("world", "1.md", null)));

        var ended = plan.Ended(["all", "tags/archive", "tags/ukraine", "authors/old"], Newsroom, FeedList);

        Assert.Equal(["authors/old"], ended.Select(f => f.Definition.Name));
    }

    [Fact]
    public void Ended_NothingPublishedBefore_IsEmpty() =>
        Assert.Empty(Plan(Everything, Feed("world", Article("world", "1.md", null, "Ukraine"))).Ended([], Newsroom, FeedList));

    private static SourceFeed WithLink(SourceFeed feed, string link) =>
        feed with { Definition = feed.Definition with { Link = new Uri(link) } };

    private static SourceFeed WithLanguage(SourceFeed feed, string language) =>
        feed with { Definition = feed.Definition with { Language = language } };
}
