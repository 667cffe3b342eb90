using Azure;
using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>Reads of the publisher's own blobs in the private container, where a missing blob is an answer, not a failure.</summary>
internal static class PrivateBlobs
{
    /// <summary>The blob's bytes and ETag, or nothing when it does not exist.</summary>
    public static async Task<(ReadOnlyMemory<byte>? Bytes, ETag? ETag)> DownloadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (response.Value.Content.ToMemory(), response.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}
