namespace Syndication.Storage;

/// <summary>What one synchronisation of documents with storage did.</summary>
/// <param name="Uploaded">Documents written because their bytes or headers changed.</param>
/// <param name="Unchanged">Documents left alone: their blobs keep their ETag and Last-Modified.</param>
/// <param name="Deleted">Blobs removed because no document has their name any more (archive pages after deletions).</param>
/// <param name="BytesUploaded">The bytes written.</param>
internal sealed record UploadSummary(int Uploaded, int Unchanged, int Deleted = 0, long BytesUploaded = 0)
{
    /// <summary>The MD5 (Base64, as storage reports it) of every document now stored, written or unchanged, by name.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The names of the documents written (or, compared only, that would be), in the order they were given.</summary>
    public IReadOnlyList<string> UploadNames { get; init; } = [];

    /// <summary>The names of the blobs deleted (or, compared only, that would be), in name order.</summary>
    public IReadOnlyList<string> DeleteNames { get; init; } = [];
}
