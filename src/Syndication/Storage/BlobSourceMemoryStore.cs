using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>Keeps the source's memory in the private container, beside the feeds' states.</summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name, as in the state's blob names.</param>
internal sealed class BlobSourceMemoryStore(BlobContainerClient container, string scope) : ISourceMemoryStore
{
    // A feed folder whose name starts with a dot is never a feed, so no feed's blobs can take this name.
    private string BlobName => $"{scope}/.source-memory.json.gz";

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, BlobName, async () =>
        {
            var (bytes, _) = await PrivateBlobs.DownloadAsync(container.GetBlobClient(BlobName), cancellationToken).ConfigureAwait(false);
            return bytes;
        });

    /// <inheritdoc/>
    public Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, BlobName, () =>
            container.GetBlobClient(BlobName).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken));
}
