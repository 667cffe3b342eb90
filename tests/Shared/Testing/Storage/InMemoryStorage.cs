using System.Collections.Concurrent;
using System.Security.Cryptography;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary>
/// Every store in memory, for tests of the publishing steps that run in milliseconds. It keeps the contracts the
/// folder and blob stores keep (versions change on every save, a save at a stale version is refused), and counts
/// what it was asked to do.
/// </summary>
internal sealed class InMemoryStorage : IDocumentStore, IFeedStateStore, IPublicationRecordStore, IArticleCopyStore, IFeedLocks
{
    private readonly ConcurrentDictionary<string, (byte[] Json, string Version)> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PublicationRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _copies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _locked = new(StringComparer.Ordinal);
    private int _versions;

    /// <summary>The stored documents by name.</summary>
    public ConcurrentDictionary<string, FeedDocument> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>How many documents were written.</summary>
    public int Writes { get; private set; }

    /// <summary>Runs before each state save: a test changes the state there, as another publisher would.</summary>
    public Action<string>? BeforeStateSave { get; set; }

    public Uri Location { get; } = new("https://storage.example.com/feeds/");

    public Task EnsureAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<UploadSummary> SynchronizeAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        int uploaded = 0, unchanged = 0, deleted = 0;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            hashes[document.Name] = Md5(document.Content.Span);
            if (Documents.TryGetValue(document.Name, out var stored) && stored.Content.Span.SequenceEqual(document.Content.Span))
            {
                unchanged++;
                continue;
            }

            Documents[document.Name] = document;
            uploaded++;
            Writes++;
        }

        foreach (var name in Documents.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && owned(n) && !hashes.ContainsKey(n)).ToList())
        {
            Documents.TryRemove(name, out _);
            deleted++;
        }

        return Task.FromResult(new UploadSummary(uploaded, unchanged, deleted) { Hashes = hashes });
    }

    public Task<UploadSummary> CompareAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<string>();
        foreach (var document in documents)
        {
            hashes[document.Name] = Md5(document.Content.Span);
            if (!Documents.TryGetValue(document.Name, out var stored) || !stored.Content.Span.SequenceEqual(document.Content.Span))
            {
                uploads.Add(document.Name);
            }
        }

        List<string> deletes = [.. Documents.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && owned(n) && !hashes.ContainsKey(n)).Order(StringComparer.Ordinal)];
        return Task.FromResult(new UploadSummary(uploads.Count, hashes.Count - uploads.Count, deletes.Count) { Hashes = hashes, UploadNames = uploads, DeleteNames = deletes });
    }

    public Task<IReadOnlyDictionary<string, string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Documents
            .Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(d => d.Key, d => Md5(d.Value.Content.Span), StringComparer.Ordinal));

    public Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(feed, out var stored) ? (FeedState.FromJson(stored.Json), (string?)stored.Version) : (new FeedState(), null));

    public Task<string?> VersionAsync(string feed, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(feed, out var stored) ? stored.Version : null);

    public Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken)
    {
        BeforeStateSave?.Invoke(feed);
        var current = _states.TryGetValue(feed, out var stored) ? stored.Version : null;
        if (current != version)
        {
            return Task.FromResult(false);
        }

        _states[feed] = (state.ToJson(), $"v{Interlocked.Increment(ref _versions)}");
        return Task.FromResult(true);
    }

    /// <summary>Saves a state as another publisher would, outside any step under test.</summary>
    public void PutState(string feed, FeedState state) => _states[feed] = (state.ToJson(), $"v{Interlocked.Increment(ref _versions)}");

    Task<PublicationRecord?> IPublicationRecordStore.LoadAsync(string feed, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(feed, out var record) ? PublicationRecord.FromJson(record.ToJson()) : null);

    Task IPublicationRecordStore.SaveAsync(string feed, PublicationRecord record, CancellationToken cancellationToken)
    {
        _records[feed] = record;
        return Task.CompletedTask;
    }

    Task IArticleCopyStore.SaveAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken)
    {
        foreach (var (name, bytes) in files)
        {
            _copies[$"{feed}/{name}"] = bytes.ToArray();
        }

        return Task.CompletedTask;
    }

    Task<byte[]?> IArticleCopyStore.LoadAsync(string feed, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(_copies.TryGetValue($"{feed}/{fileName}", out var bytes) ? bytes : null);

    /// <summary>The names (<c>feed/file</c>) of the article copies kept.</summary>
    public IReadOnlyCollection<string> Copies => [.. _copies.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Holds the lock of <paramref name="feed"/> as another publisher would.</summary>
    public void HoldLock(string feed)
    {
        lock (_locked)
        {
            _locked.Add(feed);
        }
    }

    public Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken)
    {
        lock (_locked)
        {
            return Task.FromResult<IFeedLock?>(_locked.Add(feed) ? new Held(this, feed) : null);
        }
    }

    private static string Md5(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(MD5.HashData(bytes));

    private sealed class Held(InMemoryStorage storage, string feed) : IFeedLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            lock (storage._locked)
            {
                storage._locked.Remove(feed);
            }

            return ValueTask.CompletedTask;
        }
    }
}
