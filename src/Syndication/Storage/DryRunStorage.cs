using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>
/// Storage as a dry run sees it: every read goes to the real stores, and nothing is written, deleted, created or
/// leased. Documents are compared as <see cref="IDocumentStore.SynchronizeAsync"/> would compare them, so the run's
/// results name what a real run would upload and delete.
/// </summary>
/// <remarks>
/// A state is "saved" by accepting it: the run goes on with the state it computed in memory, as a real run goes on
/// with the one it saved, and no step reads a feed's state back after updating it. Every lock is granted and none is
/// taken, so a dry run never waits for a worker nor makes one wait; what it reads is then the last finished
/// publication, or a newer one being written.
/// </remarks>
internal sealed class DryRunStorage(IDocumentStore published, IFeedStateStore states, IPublicationRecordStore records, IArticleCopyStore copies)
    : IDocumentStore, IFeedStateStore, IPublicationRecordStore, IArticleCopyStore, IFeedLocks
{
    private readonly UnsharedFeedLocks _locks = new();

    /// <inheritdoc/>
    public Uri Location => published.Location;

    /// <summary>Creates nothing: a missing container or folder reads as empty, so everything would be written.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What storage would do, from <see cref="IDocumentStore.CompareAsync"/>; nothing is written.</summary>
    public Task<UploadSummary> SynchronizeAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken) =>
        published.CompareAsync(prefix, documents, owned, cancellationToken);

    /// <inheritdoc/>
    public Task<UploadSummary> CompareAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken) =>
        published.CompareAsync(prefix, documents, owned, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, string>> ListAsync(string prefix, CancellationToken cancellationToken) => published.ListAsync(prefix, cancellationToken);

    /// <inheritdoc/>
    Task<(FeedState State, string? Version)> IFeedStateStore.LoadAsync(string feed, CancellationToken cancellationToken) => states.LoadAsync(feed, cancellationToken);

    /// <inheritdoc/>
    public Task<string?> VersionAsync(string feed, CancellationToken cancellationToken) => states.VersionAsync(feed, cancellationToken);

    /// <summary>Accepts the state without writing it.</summary>
    public Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <inheritdoc/>
    Task<PublicationRecord?> IPublicationRecordStore.LoadAsync(string feed, CancellationToken cancellationToken) => records.LoadAsync(feed, cancellationToken);

    /// <summary>Records nothing.</summary>
    Task IPublicationRecordStore.SaveAsync(string feed, PublicationRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    Task<byte[]?> IArticleCopyStore.LoadAsync(string feed, string fileName, CancellationToken cancellationToken) => copies.LoadAsync(feed, fileName, cancellationToken);

    /// <summary>Keeps nothing.</summary>
    Task IArticleCopyStore.SaveAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Grants every lock without taking a lease.</summary>
    public Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken) => _locks.TryLockAsync(feed, cancellationToken);
}
