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
    public void Apply_NewArticleAtATimeAlreadyGiven_TakesTheNextSecond()
    {
        var state = new FeedState();
        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A")], Now);

        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A"), TestArticles.Create("b.txt", "B")], Now);

        Assert.Equal(state.Articles["a.txt"].FirstSeen.AddSeconds(1), state.Articles["b.txt"].FirstSeen);
    }

    [Theory]
    [InlineData(300, 2_300, 10)]
    [InlineData(60, 60, 0)]
    [InlineData(5, 1, 3)]
    public void Apply_ABatchSoonAfterAnother_DatesEveryNewcomerAfterTheNewestAlreadyPublished(int added, int before, int secondsLater)
    {
        var state = new FeedState();
        var first = Enumerable.Range(0, before).Select(i => TestArticles.Create($"a{i:D5}.txt", $"A{i}")).ToList();
        FeedStateUpdater.Apply(state, first, Now);
        var newest = state.Articles.Values.Max(a => a.FirstSeen);

        // Names that sort before and among the first batch's: file order must not send them back either.
        var batch = Enumerable.Range(0, added).Select(i => TestArticles.Create($"a{i:D5}b.txt", $"B{i}")).ToList();
        FeedStateUpdater.Apply(state, [.. first, .. batch], Now.AddSeconds(secondsLater));

        var dates = batch.Select(a => state.Articles[a.FileName].FirstSeen).ToList();
        Assert.All(dates, date => Assert.True(date > newest, $"{date:O} is not after {newest:O}"));
        Assert.Equal(dates.Order(), dates); // the last file newest
        Assert.Equal(before + added, state.Articles.Values.Select(a => a.FirstSeen).Distinct().Count());
    }

    [Fact]
    public void Apply_ABatchWithRoomBeforeNow_EndsAtNow()
    {
        var state = new FeedState();
        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A")], Now);

        FeedStateUpdater.Apply(state, [TestArticles.Create("a.txt", "A"), TestArticles.Create("b.txt", "B"), TestArticles.Create("c.txt", "C")], Now.AddMinutes(1));

        var minuteLater = new DateTimeOffset(2026, 11, 27, 10, 1, 0, TimeSpan.Zero);
        Assert.Equal(minuteLater, state.Articles["c.txt"].FirstSeen);
        Assert.Equal(minuteLater.AddSeconds(-1), state.Articles["b.txt"].FirstSeen);
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
