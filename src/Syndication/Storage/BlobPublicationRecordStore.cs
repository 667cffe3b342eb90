using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>Keeps each feed's <see cref="PublicationRecord"/> in the private container.</summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name, as in the state's blob names.</param>
internal sealed class BlobPublicationRecordStore(BlobContainerClient container, string scope) : IPublicationRecordStore
{
    /// <inheritdoc/>
    public Task<PublicationRecord?> LoadAsync(string feed, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, BlobName(feed), async () =>
        {
            var (bytes, _) = await PrivateBlobs.DownloadAsync(container.GetBlobClient(BlobName(feed)), cancellationToken).ConfigureAwait(false);
            return bytes is { } json ? PublicationRecord.FromJson(json.Span) : null;
        });

    /// <inheritdoc/>
    public Task SaveAsync(string feed, PublicationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StorageErrors.TranslateAsync(container.Uri, BlobName(feed), () =>
            container.GetBlobClient(BlobName(feed)).UploadAsync(BinaryData.FromBytes(record.ToJson()), overwrite: true, cancellationToken));
    }

    private string BlobName(string feed) => $"{scope}/{feed}/published.json";
}
