using Syndication.Feeds.Related;

namespace Syndication.Tests.Feeds.Related;

public sealed class RelatedArticleFinderTests
{
    // Two stories about the same event in different words, one about the same country but another subject, and
    // unrelated ones. The right answer is obvious to a reader.
    private static readonly RelatedDocument Shells = new("world/shells.txt",
        "North Korea sent 1.6 million artillery shells to Russia",
        "Shipping records analysed by a nonprofit show North Korean munitions crossing from Far East ports to depots near Ukraine. The artillery shells are fired in the war.",
        []);

    private static readonly RelatedDocument Munitions = new("europe/munitions.md",
        "Pyongyang's munitions reach Russian front line",
        "Rail and port data trace North Korean artillery shells and munitions from Russia's Far East ports to depots near the Ukrainian border.",
        []);

    private static readonly RelatedDocument Summit = new("world/summit.txt",
        "Putin and Kim sign a defence pact",
        "Russia and North Korea promised to help each other if either is attacked, at a summit in Pyongyang.",
        []);

    private static readonly RelatedDocument Football = new("sport/cup.txt",
        "Local club wins the cup after extra time",
        "The striker scored twice in the final minutes and the goalkeeper saved a penalty as supporters sang.",
        []);

    private static readonly RelatedDocument Weather = new("local/rain.txt",
        "Heavy rain expected over the weekend",
        "Forecasters warn of flooding in low streets as storms move in from the coast on Saturday evening.",
        []);

    private static readonly RelatedDocument[] Corpus = [Shells, Munitions, Summit, Football, Weather];

    private static IReadOnlyList<IReadOnlyList<RelatedMatch>> Find(IReadOnlyList<RelatedDocument> corpus, int count = 3, double minScore = 0.1) =>
        new RelatedArticleFinder(new RelatedOptions { Count = count, MinScore = minScore }).Find(corpus);

    [Fact]
    public void Find_StoriesAboutTheSameEvent_AreEachOthersFirstMatch()
    {
        var matches = Find(Corpus);

        Assert.Equal("europe/munitions.md", matches[0][0].Key);
        Assert.Equal("world/shells.txt", matches[1][0].Key);
    }

    [Fact]
    public void Find_UnrelatedStory_IsNeverReturned()
    {
        var matches = Find(Corpus);

        Assert.DoesNotContain(matches[0], m => m.Key == "sport/cup.txt");
        Assert.Empty(matches[3]);
        Assert.Empty(matches[4]);
    }

    [Fact]
    public void Find_NeverReturnsTheArticleItself()
    {
        var twin = Shells with { Key = "world/twin.txt" };

        var matches = Find([Shells, twin, Football]);

        Assert.Equal(["world/twin.txt"], matches[0].Select(m => m.Key));
        Assert.Equal(1.0, matches[0][0].Score, 5);
        Assert.Equal(["world/shells.txt"], matches[1].Select(m => m.Key));
    }

    [Fact]
    public void Find_ScoresBelowTheMinimum_AreLeftOut()
    {
        var all = Find(Corpus, minScore: 0);
        var strict = Find(Corpus, minScore: 0.99);

        Assert.NotEmpty(all[0]);
        Assert.All(all.SelectMany(m => m), m => Assert.InRange(m.Score, 0, 1.000001));
        Assert.All(strict, Assert.Empty);
    }

    [Fact]
    public void Find_ReturnsAtMostCountBestFirst()
    {
        var matches = Find(Corpus, count: 1, minScore: 0);

        Assert.All(matches, m => Assert.True(m.Count <= 1));
        var two = Find(Corpus, count: 2, minScore: 0)[0];
        Assert.True(two[0].Score >= two[1].Score);
    }

    [Fact]
    public void Find_ExcludedKeys_AreNeverReturned()
    {
        var matches = Find([Shells with { Excluded = ["europe/munitions.md"] }, Munitions, Summit, Football, Weather]);

        Assert.DoesNotContain(matches[0], m => m.Key == "europe/munitions.md");
    }

    [Fact]
    public void Find_SameCorpusTwice_GivesTheSameListsAndScores()
    {
        var first = Find(Corpus, minScore: 0);
        var second = Find(Corpus, minScore: 0);

        Assert.Equal(first.Select(l => l.ToList()), second.Select(l => l.ToList()));
    }

    [Fact]
    public void Find_EqualScores_AreOrderedByKey()
    {
        var b = Munitions with { Key = "b/same.txt" };
        var a = Munitions with { Key = "a/same.txt" };

        var matches = Find([Shells, b, a], minScore: 0);

        Assert.Equal(["a/same.txt", "b/same.txt"], matches[0].Select(m => m.Key));
    }

    [Fact]
    public void Find_CountZero_ComputesNothing() =>
        Assert.All(Find(Corpus, count: 0), Assert.Empty);

    [Theory]
    [InlineData(10, 500)]
    [InlineData(50_000, 500)]
    [InlineData(80_000, 800)]
    [InlineData(100_000, 1000)]
    [InlineData(1_000_000, 1000)]
    public void PostingLimit_IsOneInAHundredArticles_From500To1000(int documents, int limit) =>
        Assert.Equal(limit, RelatedArticleFinder.PostingLimit(documents));
}
