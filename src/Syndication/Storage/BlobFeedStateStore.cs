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
public sealed class BlobFeedStateStore(BlobContainerClient container, string scope) : IFeedStateStore
{
    /// <summary>Creates the state container when missing; it is never public.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public async Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken) =>
        await FeedLease.TryAcquireAsync(container, scope, feed, cancellationToken).ConfigureAwait(false);

    /// <summary>The stored state of <paramref name="feed"/> and its ETag, or a new state and no ETag when there is none yet.</summary>
    /// <exception cref="FeedStateException">The stored state is not readable; it is left as it is.</exception>
    public async Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(BlobName(feed));
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (FeedState.FromJson(response.Value.Content.ToMemory().Span), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new FeedState(), null);
        }
        catch (JsonException e)
        {
            throw new FeedStateException(blob.Name, $"the stored state is not valid JSON ({e.Message}); it was left untouched", e);
        }
    }

    /// <summary>
    /// Writes the state if nobody changed it since it was loaded at <paramref name="version"/> (its ETag; or, with none, if
    /// nobody created it meanwhile); returns <see langword="false"/> when someone did, and the caller loads it again.
    /// </summary>
    public async Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
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
    }

    /// <inheritdoc/>
    public async Task SaveSourceAsync(string feed, string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await container.GetBlobClient(SourceName(feed, fileName)).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<byte[]?> LoadSourceAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(SourceName(feed, fileName)).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private string BlobName(string feed) => $"{scope}/{feed}/state.json";

    private string SourceName(string feed, string fileName) => $"{scope}/{feed}/sources/{fileName}";
}
