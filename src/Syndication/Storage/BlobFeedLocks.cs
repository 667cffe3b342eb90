using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>Locks feeds with blob leases (<see cref="FeedLease"/>), so several workers sharing an account never write one feed at once.</summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name, as in the state's blob names.</param>
internal sealed class BlobFeedLocks(BlobContainerClient container, string scope) : IFeedLocks
{
    /// <inheritdoc/>
    public async Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken) =>
        await StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{scope}/{feed}/lease",
            () => FeedLease.TryAcquireAsync(container, scope, feed, cancellationToken)).ConfigureAwait(false);
}
