namespace Syndication.Storage;

/// <summary>Locks for a local output folder, which one process writes: every lock is granted and never lost.</summary>
internal sealed class UnsharedFeedLocks : IFeedLocks
{
    /// <inheritdoc/>
    public Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken) => Task.FromResult<IFeedLock?>(Granted.Instance);

    private sealed class Granted : IFeedLock
    {
        public static readonly Granted Instance = new();

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
