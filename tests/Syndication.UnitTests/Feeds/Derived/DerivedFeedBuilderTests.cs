using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Derived;
using Syndication.Sources;

namespace Syndication.Tests.Feeds.Derived;

public sealed class DerivedFeedBuilderTests
{
    private static readonly Uri FeedList = new("https://feeds.example.org/");

    private static readonly DateTimeOffset Created = new(2026, 1, 2, 23, 30, 0, TimeSpan.Zero);

    // The folder feeds: world and sport give their articles to the tag feeds and the feed of all; opinion keeps its
    // articles out of the tag feeds.
    private static readonly SourceFeed[] Sources =
    [
        Source("world", DerivedFeedChoice.Unset, "Ukraine", "Politics"),
        Source("sport", DerivedFeedChoice.Unset, "Ukraine", "Football"),
        Source("opinion", new DerivedFeedChoice(false, null, null), "Ukraine"),
    ];

    private static readonly DerivedFeedPlan Plan =
        DerivedFeedPlan.Of(Sources, new DerivedFeedOptions { Tags = true, All = true }, "Newsroom", FeedList);

    private static SourceFeed Source(string name, DerivedFeedChoice choice, params string[] tags) =>
        new(TestEntries.Definition(name) with { Derived = choice },
            [.. tags.Select((tag, i) => TestArticles.Create($"{i}.md", tag) with { SourcePath = $"feeds/{name}/{i}.md", Tags = [tag] })]);

    private static FeedEntry Entry(string feed, int day, params string[] tags) => TestEntries.Entry(day, feed) with { Tags = tags };

    private static Feed Built(string name, params FeedEntry[] entries) => TestEntries.Feed(0, name) with { Entries = entries };

    private readonly FeedEntry _world1 = Entry("world", 1, "Ukraine");
    private readonly FeedEntry _world3 = Entry("world", 3, "Politics");
    private readonly FeedEntry _sport2 = Entry("sport", 2, "ukraine", "Football");
    private readonly FeedEntry _sport4 = Entry("sport", 4, "Football");
    private readonly FeedEntry _opinion5 = Entry("opinion", 5, "Ukraine");

    private Feed[] BuiltSources() => [Built("world", _world3, _world1), Built("sport", _sport4, _sport2), Built("opinion", _opinion5)];

    private static DerivedFeed Derived(string name) => Plan.Feeds.Single(f => f.Definition.Name == name);

    private static FeedState State(DateTimeOffset created) => new() { Created = created };

    // As a run does: the entries of every derived feed assigned once, then the one feed built from its own.
    private static Feed Build(DerivedFeed derived, IEnumerable<Feed> sources, FeedState state) =>
        DerivedFeedBuilder.Build(derived, DerivedFeedBuilder.Assign(Plan, sources).GetValueOrDefault(derived.Definition.Name) ?? [], state);

    [Fact]
    public void Build_ATagFeed_HasTheEntriesWithThatTagNewestFirstAndNoOther()
    {
        var feed = Build(Derived("tags/ukraine"), BuiltSources(), State(Created));

        Assert.Equal("tags/ukraine", feed.Name);
        Assert.Equal([_sport2.Id, _world1.Id], feed.Entries.Select(e => e.Id));
    }

    [Fact]
    public void Build_TheFeedOfAll_HasEveryEntryOfItsSourcesNewestFirst()
    {
        var feed = Build(Derived("all"), BuiltSources(), State(Created));

        Assert.Equal([_opinion5.Id, _sport4.Id, _world3.Id, _sport2.Id, _world1.Id], feed.Entries.Select(e => e.Id));
    }

    [Fact]
    public void Build_Entries_AreTheSourcesEntriesThemselves()
    {
        var feed = Build(Derived("tags/ukraine"), BuiltSources(), State(Created));

        Assert.Same(_sport2, feed.Entries[0]);
        Assert.Same(_world1, feed.Entries[1]);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(2), feed.Entries[0].Published);
    }

    [Fact]
    public void Build_TheSameIdFromTwoSources_AppearsOnceAsTheFirstFeedByNameGaveIt()
    {
        // sport gives an entry with world's id ("sport" sorts before "world").
        var copy = _world1 with { Title = "Entry 1 as sport has it" };

        var feed = Build(Derived("tags/ukraine"),
            [Built("world", _world3, _world1), Built("sport", _sport4, _sport2, copy)], State(Created));

        Assert.Equal([_sport2.Id, _world1.Id], feed.Entries.Select(e => e.Id));
        Assert.Same(copy, feed.Entries[1]);
    }

    [Fact]
    public void Build_AnEntryWithTwoTagsOfOneFeed_AppearsOnce()
    {
        var both = Entry("world", 6, "Ukraine", "UKRAINE");

        var feed = Build(Derived("tags/ukraine"), [Built("world", both, _world1)], State(Created));

        Assert.Equal([both.Id, _world1.Id], feed.Entries.Select(e => e.Id));
    }

    [Fact]
    public void Build_AFeedNotAmongTheSources_GivesNoEntry()
    {
        // opinion's entry has the tag, but opinion is not a source of the tag's feed.
        Assert.Equal(["sport", "world"], Derived("tags/ukraine").Sources);

        var feed = Build(Derived("tags/ukraine"), [Built("opinion", _opinion5)], State(Created));

        Assert.Empty(feed.Entries);
    }

    [Fact]
    public void Build_Updated_IsTheNewestEntrysUpdate()
    {
        var edited = _world1 with { Updated = DateTimeOffset.UnixEpoch.AddDays(10) };

        var feed = Build(Derived("tags/ukraine"), [Built("world", edited), Built("sport", _sport2)], State(Created));

        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(10), feed.Updated);
        Assert.Equal([_sport2.Id, _world1.Id], feed.Entries.Select(e => e.Id)); // ordered by publication, not update
    }

    [Fact]
    public void Build_Id_IsATagUriOfItsSiteCreationDayAndName()
    {
        var feed = Build(Derived("tags/ukraine"), BuiltSources(), State(Created));

        // Its sources share https://example.com/; created on 2 January 2026 (UTC).
        Assert.Equal(new Uri("tag:example.com,2026-01-02:tags/ukraine"), feed.Id);
    }

    [Fact]
    public void Build_Id_IsTheSameForTheSameStateWhateverTheEntries()
    {
        var first = Build(Derived("all"), BuiltSources(), State(Created));
        var later = Build(Derived("all"), [Built("world", _world1)], State(Created));
        var other = Build(Derived("all"), BuiltSources(), State(Created.AddDays(1)));

        Assert.Equal(first.Id, later.Id);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public void Build_AnEndedFeed_IsEmptyAndDatedByItsStatesCreation()
    {
        var ended = Assert.Single(Plan.Ended(["tags/gone"], "Newsroom", FeedList));

        var feed = Build(ended, BuiltSources(), State(Created));

        Assert.Empty(feed.Entries);
        Assert.Equal(Created, feed.Updated);
        Assert.Equal(new Uri("tag:feeds.example.org,2026-01-02:tags/gone"), feed.Id);
    }
}
