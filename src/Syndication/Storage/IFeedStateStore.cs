using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>Where each feed's <see cref="FeedState"/> is kept, with optimistic concurrency, and who may write a feed.</summary>
public interface IFeedStateStore
{
    /// <summary>Creates the private container or folder when missing.</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>The stored state and its version, or a new state and no version when there is none yet.</summary>
    Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Writes the state if it is still at <paramref name="version"/> (or still absent); <see langword="false"/> when someone changed it.</summary>
    Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken);

    /// <summary>Keeps the bytes of an article file as last published, to fall back on if the file breaks later.</summary>
    Task SaveSourceAsync(string feed, string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>The bytes of an article file as last published, or <see langword="null"/> when none were kept.</summary>
    Task<byte[]?> LoadSourceAsync(string feed, string fileName, CancellationToken cancellationToken);

    /// <summary>Takes the right to write <paramref name="feed"/>, or returns <see langword="null"/> when another publisher holds it.</summary>
    Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken);
}
