using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>Where each feed's <see cref="FeedState"/> is kept, with optimistic concurrency, and who may write a feed.</summary>
public interface IFeedStateStore
{
    /// <summary>Creates the private container or folder when missing.</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>The stored state and its version, or a new state and no version when there is none yet.</summary>
    Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken);

    /// <summary>The version of the stored state (as <see cref="LoadAsync"/> gives it), without reading it; <see langword="null"/> when there is none.</summary>
    Task<string?> VersionAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Writes the state if it is still at <paramref name="version"/> (or still absent); <see langword="false"/> when someone changed it.</summary>
    Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken);

    /// <summary>Keeps the bytes of article files as last published, by file name, to fall back on if a file breaks later.</summary>
    Task SaveSourcesAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken);

    /// <summary>The bytes of an article file as last published, or <see langword="null"/> when none were kept.</summary>
    Task<byte[]?> LoadSourceAsync(string feed, string fileName, CancellationToken cancellationToken);

    /// <summary>What the last complete publication of <paramref name="feed"/> stored, or <see langword="null"/> when unknown.</summary>
    Task<PublishedSnapshot?> LoadSnapshotAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Records what a complete publication of <paramref name="feed"/> stored.</summary>
    Task SaveSnapshotAsync(string feed, PublishedSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Takes the right to write <paramref name="feed"/>, or returns <see langword="null"/> when another publisher holds it.</summary>
    Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken);
}
