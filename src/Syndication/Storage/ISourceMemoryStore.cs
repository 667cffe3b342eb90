namespace Syndication.Storage;

/// <summary>
/// Keeps the source's memory of its files (<see cref="Sources.SourceMemory"/>) and of each feed's articles
/// (<see cref="Sources.ArticleMemory"/>) with the publisher's own data.
/// </summary>
internal interface ISourceMemoryStore
{
    /// <summary>The memory last saved, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="StorageException">Storage refused the read.</exception>
    Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the memory with <paramref name="bytes"/>, whole (a reader gets the old or the new one).</summary>
    /// <exception cref="StorageException">Storage refused the write.</exception>
    Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>The articles of <paramref name="feed"/> last saved, or <see langword="null"/> when there are none.</summary>
    /// <exception cref="StorageException">Storage refused the read.</exception>
    Task<ReadOnlyMemory<byte>?> LoadArticlesAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Replaces the articles of <paramref name="feed"/> with <paramref name="bytes"/>, whole.</summary>
    /// <exception cref="StorageException">Storage refused the write.</exception>
    Task SaveArticlesAsync(string feed, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
