using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Publishing;
using Syndication.Sources;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

public sealed class FeedStateSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStorage _storage = new();
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    private FeedStateSession Session(DeletionOptions? deletion = null) =>
        new(_storage, deletion ?? new DeletionOptions(), new FakeTimeProvider(Now), NullLogger.Instance);

    private static SourceFeed Feed(params Article[] articles) => new(TestEntries.Definition(), articles);

    private static RelatedLinkResolver Resolver(SourceFeed feed) => new(new FeedCatalog([feed], []), new Syndication.Feeds.Related.RelatedOptions());

    [Fact]
    public async Task UpdateAsync_NewFeed_RecordsEveryArticleAndReturnsThemAsChanged()
    {
        var feed = Feed(TestArticles.Create("a.txt", "A"), TestArticles.Create("b.txt", "B"));

        var (state, changed) = await Session().UpdateAsync(feed, Resolver(feed), _cancel);

        Assert.Equal(["a.txt", "b.txt"], changed.Select(a => a.FileName));
        Assert.Equal(["a.txt", "b.txt"], state.Articles.Keys);
        Assert.Equal(["a.txt", "b.txt"], (await _storage.LoadAsync("f", _cancel)).State.Articles.Keys);
    }

    [Fact]
    public async Task UpdateAsync_NothingNew_ReturnsNoChangeAndWritesNothing()
    {
        var feed = Feed(TestArticles.Create("a.txt", "A"));
        await Session().UpdateAsync(feed, Resolver(feed), _cancel);
        var version = await _storage.VersionAsync("f", _cancel);

        var (_, changed) = await Session().UpdateAsync(feed, Resolver(feed), _cancel);

        Assert.Empty(changed);
        Assert.Equal(version, await _storage.VersionAsync("f", _cancel));
    }

    [Fact]
    public async Task UpdateAsync_AnotherPublisherSavedMeanwhile_LoadsAgainAndKeepsTheirArticle()
    {
        var feed = Feed(TestArticles.Create("a.txt", "A"));
        var theirs = new FeedState { Created = Now.AddDays(-1) };
        theirs.Articles["z.txt"] = new ArticleState { FirstSeen = Now.AddDays(-1), ContentHash = "z" };
        _storage.BeforeStateSave = name =>
        {
            _storage.BeforeStateSave = null; // once
            _storage.PutState(name, theirs);
        };

        var (state, _) = await Session(new DeletionOptions { AllowMassDelete = true }).UpdateAsync(feed, Resolver(feed), _cancel);

        Assert.Equal(Now.AddDays(-1), state.Created);
        Assert.Equal(["a.txt", "z.txt"], (await _storage.LoadAsync("f", _cancel)).State.Articles.Keys);
    }

    [Fact]
    public async Task UpdateAsync_StateChangedOnEveryAttempt_GivesUpNamingTheState()
    {
        var feed = Feed(TestArticles.Create("a.txt", "A"));
        var attempts = 0;
        _storage.BeforeStateSave = name =>
        {
            attempts++;
            _storage.PutState(name, new FeedState());
        };

        var failure = await Assert.ThrowsAsync<FeedStateException>(() => Session().UpdateAsync(feed, Resolver(feed), _cancel));

        Assert.Equal(FeedStateSession.MaxAttempts, attempts);
        Assert.Contains("f/state.json", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_RemovingMoreThanAllowed_RefusesAndLeavesTheStateAlone()
    {
        var all = Enumerable.Range(0, 10).Select(i => TestArticles.Create($"{i}.txt", $"Story {i}")).ToArray();
        await Session().UpdateAsync(Feed(all), Resolver(Feed(all)), _cancel);
        var version = await _storage.VersionAsync("f", _cancel);
        var half = Feed(all[..5]);

        var refused = await Assert.ThrowsAsync<MassDeletionRefusedException>(() => Session(new DeletionOptions { MinCount = 0 }).UpdateAsync(half, Resolver(half), _cancel));

        Assert.Contains("5", refused.Message, StringComparison.Ordinal);
        Assert.Equal(version, await _storage.VersionAsync("f", _cancel));
    }

    [Fact]
    public async Task UpdateAsync_RelatedArticles_RecordedForNewArticlesAndKeptForPublishedOnes()
    {
        var published = TestArticles.Create("a.txt", "Harbour cranes strike ends", "Dock workers at the harbour ended their strike over crane safety.");
        var state = new FeedState { Created = Now };
        state.Articles["a.txt"] = new ArticleState { FirstSeen = Now, ContentHash = published.ContentHash, Related = ["f/kept.txt"] };
        _storage.PutState("f", state);
        var newcomer = TestArticles.Create("b.txt", "Harbour strike: cranes idle", "Dock workers at the harbour strike over crane safety again.");
        var feed = Feed(published, newcomer);

        var (updated, _) = await Session().UpdateAsync(feed, Resolver(feed), _cancel);

        Assert.Equal(["f/kept.txt"], updated.Articles["a.txt"].Related!);
        Assert.Equal(["f/a.txt"], updated.Articles["b.txt"].Related!);
    }
}
