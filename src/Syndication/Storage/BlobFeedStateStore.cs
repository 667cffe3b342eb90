using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>
/// Keeps each feed's <see cref="FeedState"/> in a private container, written with optimistic concurrency so two
/// publishers never overwrite each other's dates.
/// </summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name: states of different containers in one account stay apart.</param>
internal sealed class BlobFeedStateStore(BlobContainerClient container, string scope) : IFeedStateStore
{
    /// <summary>Creates the state container when missing; it is never public, and one found public is refused.</summary>
    /// <exception cref="PublicStateContainerException">The container exists and allows anonymous reading.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var created = await StorageErrors.TranslateAsync(container.Uri, container.Name,
            () => container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (created is not null)
        {
            return;
        }

        // Read from the container's properties, which any role that may write the states may read (its access
        // policy may need the account key).
        var properties = await StorageErrors.TranslateAsync(container.Uri, container.Name,
            () => container.GetPropertiesAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (properties.Value.PublicAccess is { } access && access != PublicAccessType.None)
        {
            throw new PublicStateContainerException(container.Name, access == PublicAccessType.BlobContainer ? "container: its blobs can be listed" : "blob");
        }
    }

    /// <summary>The stored state of <paramref name="feed"/> and its ETag, or a new state and no ETag when there is none yet.</summary>
    public Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, BlobName(feed), async () =>
        {
            var blob = container.GetBlobClient(BlobName(feed));
            if (await PrivateBlobs.DownloadAsync(blob, cancellationToken).ConfigureAwait(false) is not ({ } bytes, { } etag))
            {
                return (new FeedState(), (string?)null);
            }

            try
            {
                return (FeedState.FromJson(bytes.Span), etag.ToString());
            }
            catch (JsonException e)
            {
                throw new FeedStateException(blob.Name, $"the stored state is not valid JSON ({e.Message}); it was left untouched", e);
            }
        });

    /// <inheritdoc/>
    public Task<string?> VersionAsync(string feed, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, BlobName(feed), async () =>
        {
            try
            {
                return (await container.GetBlobClient(BlobName(feed)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });

    /// <summary>
    /// Writes the state if nobody changed it since it was loaded at <paramref name="version"/> (its ETag; or, with none, if
    /// nobody created it meanwhile); returns <see langword="false"/> when someone did, and the caller loads it again.
    /// </summary>
    public Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StorageErrors.TranslateAsync(container.Uri, BlobName(feed), async () =>
        {
            var conditions = version is not null ? new BlobRequestConditions { IfMatch = new ETag(version) } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            var options = new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            };
            try
            {
                await container.GetBlobClient(BlobName(feed)).UploadAsync(BinaryData.FromBytes(state.ToJson()), options, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412 || e.ErrorCode == "BlobAlreadyExists")
            {
                return false;
            }
        });
    }

    private string BlobName(string feed) => $"{scope}/{feed}/state.json";
}
