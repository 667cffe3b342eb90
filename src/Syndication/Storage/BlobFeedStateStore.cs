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
        if (await DownloadAsync(blob, cancellationToken).ConfigureAwait(false) is not ({ } bytes, { } etag))
        {
            return (new FeedState(), null);
        }

        try
        {
            return (FeedState.FromJson(bytes.Span), etag.ToString());
        }
        catch (JsonException e)
        {
            throw new FeedStateException(blob.Name, $"the stored state is not valid JSON ({e.Message}); it was left untouched", e);
        }
    }

    /// <inheritdoc/>
    public async Task<string?> VersionAsync(string feed, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(BlobName(feed)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
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

    /// <summary>
    /// Adds the files to the feed's source archives (<see cref="SourceArchive"/>): each archive that gets a file is
    /// read, merged and written back, only if nobody wrote it meanwhile.
    /// </summary>
    public async Task SaveSourcesAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var buckets = files.GroupBy(f => SourceArchive.BucketOf(f.Key));
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (bucket, token) =>
        {
            var blob = container.GetBlobClient(ArchiveName(feed, bucket.Key));
            var (existing, etag) = await DownloadAsync(blob, token).ConfigureAwait(false);
            var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            await blob.UploadAsync(BinaryData.FromBytes(SourceArchive.Merge(existing, bucket)), new BlobUploadOptions { Conditions = conditions }, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The kept copy of an article file: from its archive, or from the single blob earlier versions kept.</summary>
    public async Task<byte[]?> LoadSourceAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        var (archive, _) = await DownloadAsync(container.GetBlobClient(ArchiveName(feed, SourceArchive.BucketOf(fileName))), cancellationToken).ConfigureAwait(false);
        try
        {
            if (archive is { } bytes && SourceArchive.Find(bytes, fileName) is { } found)
            {
                return found;
            }
        }
        catch (InvalidDataException)
        {
            // A damaged archive keeps nothing usable; the single blob may still.
        }

        var (single, _) = await DownloadAsync(container.GetBlobClient($"{scope}/{feed}/sources/{fileName}"), cancellationToken).ConfigureAwait(false);
        return single?.ToArray();
    }

    /// <inheritdoc/>
    public async Task<PublishedSnapshot?> LoadSnapshotAsync(string feed, CancellationToken cancellationToken)
    {
        var (bytes, _) = await DownloadAsync(container.GetBlobClient(SnapshotName(feed)), cancellationToken).ConfigureAwait(false);
        return bytes is { } json ? PublishedSnapshot.FromJson(json.Span) : null;
    }

    /// <inheritdoc/>
    public async Task SaveSnapshotAsync(string feed, PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await container.GetBlobClient(SnapshotName(feed)).UploadAsync(BinaryData.FromBytes(snapshot.ToJson()), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(ReadOnlyMemory<byte>? Bytes, ETag? ETag)> DownloadAsync(BlobClient blob, CancellationToken cancellationToken)
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

    private string BlobName(string feed) => $"{scope}/{feed}/state.json";

    private string ArchiveName(string feed, int bucket) => $"{scope}/{feed}/sources/{bucket:D2}.zip";

    private string SnapshotName(string feed) => $"{scope}/{feed}/published.json";
}
