namespace Syndication.Storage;

/// <summary>Hands out the right to write a feed, to one publisher at a time.</summary>
internal interface IFeedLocks
{
    /// <summary>Takes the right to write <paramref name="feed"/>, or returns <see langword="null"/> when another publisher holds it.</summary>
    Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken);
}
