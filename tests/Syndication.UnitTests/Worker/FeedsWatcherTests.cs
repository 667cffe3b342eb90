using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class FeedsWatcherTests : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();

    public void Dispose() => _feeds.Dispose();

    /// <summary>
    /// Moves a story in under a draft name, as an editor's tool saves: one event that counts, after the events of
    /// everything written before it, since a watcher reports events in order.
    /// </summary>
    private void MoveInStory(string relativePath)
    {
        var draft = _feeds.Write(Path.Combine(Path.GetDirectoryName(relativePath)!, "_" + Path.GetFileName(relativePath)), "A story\n\nBody.\n");
        File.Move(draft, Path.Combine(_feeds.Path, relativePath));
    }

    [Theory]
    [InlineData("world/100_story.txt")]
    [InlineData("world/100_story.md")]
    [InlineData("world/feed.json")]
    [InlineData("culture/001_first.md")]
    public async Task ChangedAfterAsync_ArticleOrFeedDefinitionSaved_Completes(string relativePath)
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var version = watcher.Version;
        var changed = watcher.ChangedAfterAsync(version);
        Assert.False(changed.IsCompleted);

        _feeds.Write(relativePath, """{ "title": "T", "link": "https://example.com/" }""");

        await changed.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
        Assert.True(watcher.Version > version);
    }

    [Fact]
    public async Task Version_ArticleDeleted_Grows()
    {
        var story = _feeds.Write("world/100_story.txt", "A story\n\nBody.\n");
        using var watcher = new FeedsWatcher(_feeds.Path);
        var version = watcher.Version;

        File.Delete(story);

        await Eventually.TrueAsync(() => watcher.Version > version, "the deletion is seen");
    }

    [Theory]
    [InlineData("world/_draft.md")]
    [InlineData("world/.notes.md")]
    [InlineData("world/.100_story.txt.swp")]
    [InlineData("world/100_story.txt.swp")]
    [InlineData("world/100_story.txt~")]
    [InlineData("world/_drafts/later.md")]
    [InlineData("_drafts/world/later.md")]
    [InlineData("world/notes.docx")]
    public async Task Version_DraftOrOtherFileSaved_DoesNotGrow(string relativePath)
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var version = watcher.Version;

        _feeds.Write(relativePath, "Not for readers\n\nBody.\n");
        MoveInStory("world/100_fence.txt");

        await Eventually.TrueAsync(() => watcher.Version > version, "the story moved in after it is seen");
        Assert.Equal(version + 1, watcher.Version);
    }

    [Fact]
    public async Task ChangedAfterAsync_ChangeAlreadySeen_CompletesAtOnce()
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var version = watcher.Version;
        MoveInStory("world/100_story.txt");
        await Eventually.TrueAsync(() => watcher.Version > version, "the story is seen");

        Assert.True(watcher.ChangedAfterAsync(version).IsCompleted);
        Assert.False(watcher.ChangedAfterAsync(watcher.Version).IsCompleted);
    }

    [Fact]
    public async Task WaitUntilQuietAsync_NoChanges_ReturnsAfterOneQuietTime()
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var clock = new ObservedClock();
        var quiet = TimeSpan.FromSeconds(1);

        var waiting = watcher.WaitUntilQuietAsync(quiet, TimeSpan.FromSeconds(10), clock, TestContext.Current.CancellationToken);
        clock.Advance(quiet - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await waiting.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitUntilQuietAsync_ChangeDuringTheQuietTime_WaitsAnotherQuietTime()
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var clock = new ObservedClock();
        var quiet = TimeSpan.FromSeconds(1);

        var waiting = watcher.WaitUntilQuietAsync(quiet, TimeSpan.FromSeconds(10), clock, TestContext.Current.CancellationToken);
        var version = watcher.Version;
        MoveInStory("world/100_story.txt");
        await Eventually.TrueAsync(() => watcher.Version > version, "the story is seen");
        clock.Advance(quiet);
        await Eventually.TrueAsync(() => clock.IsWaitingUntil(TestClock.Now + quiet + quiet), "a second quiet time starts");
        Assert.False(waiting.IsCompleted);

        clock.Advance(quiet);
        await waiting.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitUntilQuietAsync_ChangesThatNeverPause_ReturnsAfterLongest()
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        var clock = new ObservedClock();
        var quiet = TimeSpan.FromSeconds(1);
        var longest = TimeSpan.FromSeconds(3);

        var waiting = watcher.WaitUntilQuietAsync(quiet, longest, clock, TestContext.Current.CancellationToken);
        for (var save = 0; save < 6; save++)
        {
            var version = watcher.Version;
            MoveInStory($"world/10{save}_story.txt");
            await Eventually.TrueAsync(() => watcher.Version > version, "the save is seen");
            Assert.False(waiting.IsCompleted, "returned before the longest wait");
            clock.Advance(quiet / 2);
            await Eventually.TrueAsync(() => waiting.IsCompleted || clock.IsWaitingAtMost(quiet), "waits for the next quiet time, or has returned");
        }

        Assert.True(waiting.IsCompleted, "returned after the longest wait although the saves went on");
        Assert.Equal(TestClock.Now + longest, clock.GetUtcNow());
    }

    [Fact]
    public async Task WaitUntilQuietAsync_Cancelled_Throws()
    {
        using var watcher = new FeedsWatcher(_feeds.Path);
        using var cancel = new CancellationTokenSource();

        var waiting = watcher.WaitUntilQuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new ObservedClock(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
