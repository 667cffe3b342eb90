using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

/// <summary>Keeps the copies of a feed's article files in the private container, packed by <see cref="ArticleCopyArchive"/>.</summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name, as in the state's blob names.</param>
internal sealed class BlobArticleCopyStore(BlobContainerClient container, string scope) : IArticleCopyStore
{
    /// <summary>
    /// Adds the files to the feed's archives: each archive that gets a file is read, merged and written back, only if
    /// nobody wrote it meanwhile.
    /// </summary>
    public Task SaveAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{scope}/{feed}/sources", async () =>
        {
            var buckets = files.GroupBy(f => ArticleCopyArchive.BucketOf(f.Key));
            await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (bucket, token) =>
            {
                var blob = container.GetBlobClient(ArchiveName(feed, bucket.Key));
                var (existing, etag) = await PrivateBlobs.DownloadAsync(blob, token).ConfigureAwait(false);
                var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
                await blob.UploadAsync(BinaryData.FromBytes(ArticleCopyArchive.Merge(existing, bucket)), new BlobUploadOptions { Conditions = conditions }, token)
                    .ConfigureAwait(false);
            }).ConfigureAwait(false);
        });
    }

    /// <summary>The kept copy of an article file: from its archive, or from the single blob earlier versions kept.</summary>
    public Task<byte[]?> LoadAsync(string feed, string fileName, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, ArchiveName(feed, ArticleCopyArchive.BucketOf(fileName)), async () =>
        {
            var (archive, _) = await PrivateBlobs.DownloadAsync(container.GetBlobClient(ArchiveName(feed, ArticleCopyArchive.BucketOf(fileName))), cancellationToken)
                .ConfigureAwait(false);
            try
            {
                if (archive is { } bytes && ArticleCopyArchive.Find(bytes, fileName) is { } found)
                {
                    return found;
                }
            }
            catch (InvalidDataException)
            {
                // A damaged archive keeps nothing usable; the single blob may still.
            }

            var (single, _) = await PrivateBlobs.DownloadAsync(container.GetBlobClient($"{scope}/{feed}/sources/{fileName}"), cancellationToken).ConfigureAwait(false);
            return single?.ToArray();
        });

    // The stored names predate the word "copy": they stay, so copies kept by earlier versions are still found.
    private string ArchiveName(string feed, int bucket) => $"{scope}/{feed}/sources/{bucket:D2}.zip";
}
