namespace Syndication.Storage;

/// <summary>What one upload pass did.</summary>
/// <param name="Uploaded">Documents written because their bytes or headers changed.</param>
/// <param name="Unchanged">Documents left alone: their blobs keep their ETag and Last-Modified.</param>
public sealed record UploadSummary(int Uploaded, int Unchanged);
