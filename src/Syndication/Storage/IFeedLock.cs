namespace Syndication.Storage;

/// <summary>The right to write one feed, held by one publisher at a time; disposing gives it back.</summary>
internal interface IFeedLock : IAsyncDisposable
{
    /// <summary>Cancelled when the lock was lost and the holder must stop writing.</summary>
    CancellationToken Lost { get; }
}
