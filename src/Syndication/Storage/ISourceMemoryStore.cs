namespace Syndication.Storage;

/// <summary>Keeps the source's memory of its files (<see cref="Sources.SourceMemory"/>) with the publisher's own data.</summary>
internal interface ISourceMemoryStore
{
    /// <summary>The memory last saved, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="StorageException">Storage refused the read.</exception>
    Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the memory with <paramref name="bytes"/>, whole (a reader gets the old or the new one).</summary>
    /// <exception cref="StorageException">Storage refused the write.</exception>
    Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
