using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

public sealed class FeedStateUpdaterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Apply_NewArticles_GetDistinctWholeSecondsWithTheLastFileNewest()
    {
        var state = new FeedState();

        var changed = FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A"), TestArticles.Create("b.txt", "B"), TestArticles.Create("c.txt", "C")], Now);

        Assert.True(changed);
        var wholeSecond = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(wholeSecond, state.Created);
        Assert.Equal(wholeSecond, state.Articles["c.txt"].FirstSeen);
        Assert.Equal(wholeSecond.AddSeconds(-1), state.Articles["b.txt"].FirstSeen);
        Assert.Equal(wholeSecond.AddSeconds(-2), state.Articles["a.txt"].FirstSeen);
    }

    [Fact]
    public void Apply_SameArticlesLater_ChangesNothing()
    {
        var state = new FeedState();
        var articles = new[] { TestArticles.Create("a.txt", "A") };
        FeedStateUpdater.Apply(state, articles, Now);
        var before = state.ToJson();

        var changed = FeedStateUpdater.Apply(state, articles, Now.AddDays(3));

        Assert.False(changed);
        Assert.Equal(before, state.ToJson());
    }

    [Fact]
    public void Apply_EditedArticle_RecordsWhenItChanged()
    {
        var state = new FeedState();
        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A")], Now);

        var changed = FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A", "Edited body.")], Now.AddHours(1));

        Assert.True(changed);
        Assert.Equal(Now.AddHours(1).AddMilliseconds(-500), state.Articles["a.txt"].ChangedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), state.Articles["a.txt"].FirstSeen);
    }

    [Fact]
    public void Apply_NewArticleAtATimeAlreadyGiven_TakesAnEarlierSecond()
    {
        var state = new FeedState();
        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A")], Now);

        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A"), TestArticles.Create("b.txt", "B")], Now);

        Assert.NotEqual(state.Articles["a.txt"].FirstSeen, state.Articles["b.txt"].FirstSeen);
    }

    [Fact]
    public void FromJson_ReadsWhatToJsonWrote()
    {
        var state = new FeedState();
        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A")], Now);

        var copy = FeedState.FromJson(state.ToJson());

        Assert.Equal(state.ToJson(), copy.ToJson());
        Assert.Equal(state.Articles["a.txt"].FirstSeen, copy.Articles["a.txt"].FirstSeen);
    }
}
