using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>Where each feed's <see cref="FeedState"/> is kept, with optimistic concurrency.</summary>
internal interface IFeedStateStore
{
    /// <summary>Creates the private container or folder when missing (it also holds the article copies, publication records and locks).</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>The stored state and its version, or a new state and no version when there is none yet.</summary>
    /// <exception cref="FeedStateException">The stored state is not readable; it is left as it is.</exception>
    Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken);

    /// <summary>The version of the stored state (as <see cref="LoadAsync"/> gives it), without reading it; <see langword="null"/> when there is none.</summary>
    Task<string?> VersionAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Writes the state if it is still at <paramref name="version"/> (or still absent); <see langword="false"/> when someone changed it.</summary>
    Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken);
}
