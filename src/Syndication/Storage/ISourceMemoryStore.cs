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

    /// <summary>
    /// Reads the articles of <paramref name="feed"/> last saved as <paramref name="read"/> reads them from a stream
    /// (they can be larger than is wise to hold twice); <see langword="default"/> when there are none.
    /// </summary>
    /// <exception cref="StorageException">Storage refused the read.</exception>
    /// <param name="feed">The feed.</param>
    /// <param name="part">The part of a feed whose memory is saved in parts (see <see cref="Sources.ArticleMemory.Parts"/>); <see langword="null"/> for the feed's own file.</param>
    /// <param name="read">Reads the stream.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    Task<T?> LoadArticlesAsync<T>(string feed, int? part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Replaces the articles of <paramref name="feed"/> with what <paramref name="write"/> writes, whole (a reader gets the old or the new ones).</summary>
    /// <exception cref="StorageException">Storage refused the write.</exception>
    Task SaveArticlesAsync(string feed, int? part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Reads one part of the related-articles terms (<see cref="Feeds.Related.TermTable"/>) last saved as <paramref name="read"/> reads it; <see langword="default"/> when there is none.</summary>
    /// <exception cref="StorageException">Storage refused the read.</exception>
    Task<T?> LoadTermsAsync<T>(int part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Replaces one part of the related-articles terms with what <paramref name="write"/> writes, whole.</summary>
    /// <exception cref="StorageException">Storage refused the write.</exception>
    Task SaveTermsAsync(int part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);
}
