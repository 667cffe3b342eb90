using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Storage;

public sealed class DryRunStorageTests
{
    private readonly InMemoryStorage _stored = new();

    private DryRunStorage Dry => new(_stored, _stored, _stored, _stored);

    private static FeedDocument Document(string name, string text) => new(name, System.Text.Encoding.UTF8.GetBytes(text), "application/rss+xml");

    [Fact]
    public async Task SynchronizeAsync_NamesWhatWouldChangeAndWritesNothing()
    {
        await _stored.SynchronizeAsync("news/", [Document("news/rss.xml", "old"), Document("news/atom.xml", "same"), Document("news/archive/2.xml", "gone")],
            _ => true, TestContext.Current.CancellationToken);
        var writes = _stored.Writes;

        var summary = await Dry.SynchronizeAsync("news/", [Document("news/rss.xml", "new"), Document("news/atom.xml", "same")], _ => true,
            TestContext.Current.CancellationToken);

        Assert.Equal(["news/rss.xml"], summary.UploadNames);
        Assert.Equal(["news/archive/2.xml"], summary.DeleteNames);
        Assert.Equal(writes, _stored.Writes);
        Assert.Equal(["news/archive/2.xml", "news/atom.xml", "news/rss.xml"], _stored.Documents.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TrySaveAsync_AcceptsTheStateWithoutStoringIt()
    {
        Assert.True(await Dry.TrySaveAsync("news", new FeedState(), "a version nobody has", TestContext.Current.CancellationToken));

        Assert.Null(await _stored.VersionAsync("news", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryLockAsync_FeedHeldByAWorker_IsGrantedWithoutTakingIt()
    {
        _stored.HoldLock("news");

        var granted = await Dry.TryLockAsync("news", TestContext.Current.CancellationToken);

        Assert.NotNull(granted);
        // Still held by the worker: the dry run took nothing from it.
        Assert.Null(await _stored.TryLockAsync("news", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveAsync_RecordsAndArticleCopies_KeepNothing()
    {
        await ((IArticleCopyStore)Dry).SaveAsync("news", [new("one.md", new byte[] { 1 })], TestContext.Current.CancellationToken);
        await ((IPublicationRecordStore)Dry).SaveAsync("news", new PublicationRecord([], new Dictionary<string, string>()), TestContext.Current.CancellationToken);

        Assert.Empty(_stored.Copies);
        Assert.Null(await ((IPublicationRecordStore)_stored).LoadAsync("news", TestContext.Current.CancellationToken));
    }
}
