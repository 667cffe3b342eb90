namespace Syndication.Storage;

/// <summary>
/// The bytes of each article file as last published, kept to fall back on when the file breaks later: bad input never
/// takes away what was published.
/// </summary>
internal interface IArticleCopyStore
{
    /// <summary>Keeps <paramref name="files"/> (by file name), replacing older copies of the same names.</summary>
    Task SaveAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken);

    /// <summary>The kept copy of <paramref name="fileName"/>, or <see langword="null"/> when none was kept.</summary>
    Task<byte[]?> LoadAsync(string feed, string fileName, CancellationToken cancellationToken);
}
