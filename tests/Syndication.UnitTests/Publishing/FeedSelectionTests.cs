using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

public sealed class FeedSelectionTests
{
    [Fact]
    public void Of_NoNames_SelectsEveryFeed() => Assert.Null(FeedSelection.Of([]));

    [Fact]
    public void Includes_NamesGivenWithSpaces_MatchTheFeedsExactly()
    {
        var selection = FeedSelection.Of([" europe ", "tags/ukraine"])!;

        Assert.True(selection.Includes("europe"));
        Assert.True(selection.Includes("tags/ukraine"));
        Assert.False(selection.Includes("Europe"));
        Assert.False(selection.Includes("tags"));
    }

    [Fact]
    public void Unknown_EveryNameKnown_FailsNothing() =>
        Assert.Empty(FeedSelection.Of(["europe", "all"])!.Unknown(["europe", "asia", "all"]));

    [Fact]
    public void Unknown_ANameNoFeedHas_IsAFailedResultNamingItAndTheFeeds()
    {
        var failed = Assert.Single(FeedSelection.Of(["europe", "africa"])!.Unknown(["europe", "asia", "all"]));

        Assert.Equal("africa", failed.Feed);
        Assert.False(failed.Succeeded);
        Assert.Equal("no feed is named 'africa' (Syndication:OnlyFeeds, --feed); the feeds are europe, asia, all; nothing was published", failed.Error);
    }

    [Fact]
    public void Unknown_ThousandsOfFeeds_NamesTheFirstThirtyAndCountsTheRest()
    {
        var known = Enumerable.Range(1, 1000).Select(i => $"tags/t{i}").ToList();

        var error = Assert.Single(FeedSelection.Of(["x"])!.Unknown(known)).Error!;

        Assert.Contains("tags/t30 and 970 more;", error, StringComparison.Ordinal);
        Assert.DoesNotContain("tags/t31", error, StringComparison.Ordinal);
    }
}
