using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>Stores finished documents as blobs, writing only those whose bytes or headers changed.</summary>
/// <remarks>
/// Each document is one Put Blob request, which storage applies atomically: a reader gets the old version or the
/// new one, never a mix. Unchanged documents are not written, so their ETag and Last-Modified stay and
/// aggregators polling with conditional requests get <c>304 Not Modified</c>.
/// </remarks>
internal sealed class BlobDocumentStore(BlobContainerClient container, StorageOptions options) : IDocumentStore
{
    private const int ParallelUploads = 16;

    /// <summary>The container's URL, without a SAS token.</summary>
    public Uri Location => PublicUri.WithoutQuery(container.Uri);

    /// <summary>
    /// Creates the container when missing, with the configured anonymous access (<c>$web</c> with none); then, when
    /// <see cref="StorageOptions.Cors"/> is set, the account's CORS rule for feed readers.
    /// </summary>
    /// <exception cref="PublicAccessNotPermittedException">The account forbids the anonymous access asked for.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await StorageErrors.TranslateAsync(container.Uri, container.Name, async () =>
        {
            // The static website endpoint serves $web to anyone whatever its access level: anonymous blob access would
            // only open a second URL for the same documents, and fail on accounts that forbid it.
            var access = options.PublicAccess == PublicAccess.Blob && !options.IsStaticWebsite ? PublicAccessType.Blob : PublicAccessType.None;
            try
            {
                await container.CreateIfNotExistsAsync(access, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "PublicAccessNotPermitted")
            {
                throw new PublicAccessNotPermittedException(container.Name, e);
            }
        }).ConfigureAwait(false);
        if (options.Cors)
        {
            await FeedReaderCors.EnsureAsync(container.GetParentBlobServiceClient(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the documents that differ from what is stored under <paramref name="prefix"/>, then deletes the blobs
    /// there that <paramref name="owned"/> claims and no document names any more.
    /// </summary>
    /// <param name="prefix">A prefix of every document's name: the stored blobs are listed by it, in one request.</param>
    /// <param name="documents">
    /// The documents in wave order, made as they are asked for: only the documents being uploaded are held at once,
    /// so a feed of any size is written in bounded memory.
    /// </param>
    /// <param name="owned">Which stored blob names this publisher writes (others under the prefix are never deleted).</param>
    /// <param name="cancellationToken">Stops further uploads; an upload in flight finishes or fails whole.</param>
    public Task<UploadSummary> SynchronizeAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(owned);
        return StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{prefix}", () => WriteAsync(prefix, documents, owned, write: true, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<UploadSummary> CompareAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(owned);
        return StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{prefix}", () => WriteAsync(prefix, documents, owned, write: false, cancellationToken));
    }

    /// <summary>Writes what differs and deletes what is stale, or with <paramref name="write"/> off only tells which (a dry run decides exactly as a run).</summary>
    private async Task<UploadSummary> WriteAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, bool write, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, BlobItemProperties>(StringComparer.Ordinal);
        await foreach (var blob in BlobsAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            stored[blob.Name] = blob.Properties;
        }

        int uploaded = 0, unchanged = 0;
        long bytes = 0;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploadNames = new List<string>();
        // Several uploads at once: each is one request, and storage is far from busy with one at a time.
        using var slots = new SemaphoreSlim(ParallelUploads);
        var inFlight = new List<Task>();
        try
        {
            var wave = int.MinValue;
            foreach (var document in documents)
            {
                if (document.Wave != wave)
                {
                    // A wave starts only when every upload of the one before it is stored.
                    ArgumentOutOfRangeException.ThrowIfLessThan(document.Wave, wave, nameof(documents));
                    await Task.WhenAll(inFlight).ConfigureAwait(false);
                    inFlight.Clear();
                    wave = document.Wave;
                }

                var cacheControl = options.CacheControlFor(document.Kind);
                var hash = MD5.HashData(document.Content.Span);
                hashes[document.Name] = Convert.ToBase64String(hash);
                if (stored.TryGetValue(document.Name, out var properties)
                    && properties.ContentHash is { } storedHash && storedHash.AsSpan().SequenceEqual(hash)
                    && properties.ContentType == document.ContentType
                    && properties.CacheControl == cacheControl)
                {
                    unchanged++;
                    continue;
                }

                if (write)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (inFlight.Find(t => t.IsFaulted) is { } failed)
                    {
                        slots.Release();
                        await failed.ConfigureAwait(false);
                    }

                    inFlight.Add(UploadAsync(document, hash, cacheControl, slots));
                    inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
                }

                uploadNames.Add(document.Name);
                uploaded++;
                bytes += document.Content.Length;
            }
        }
        catch
        {
            // Whatever stopped the loop (a failed upload, or cancellation), uploads already started finish first.
            await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        var deleteNames = stored.Keys.Where(name => owned(name) && !hashes.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in deleteNames.Where(_ => write))
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new UploadSummary(uploaded, unchanged, deleteNames.Count, bytes) { Hashes = hashes, UploadNames = uploadNames, DeleteNames = deleteNames };
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{prefix}", () => ListStoredAsync(prefix, cancellationToken));

    private async Task<IReadOnlyDictionary<string, string>> ListStoredAsync(string prefix, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in BlobsAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            stored[blob.Name] = blob.Properties.ContentHash is { } hash ? Convert.ToBase64String(hash) : string.Empty;
        }

        return stored;
    }

    /// <summary>The blobs under <paramref name="prefix"/>; none when the container does not exist (a dry run never creates it).</summary>
    private async IAsyncEnumerable<BlobItem> BlobsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    yield break;
                }

                foreach (var blob in pages.Current.Values)
                {
                    yield return blob;
                }
            }
        }
    }

    private async Task UploadAsync(FeedDocument document, byte[] hash, string? cacheControl, SemaphoreSlim slots)
    {
        try
        {
            // Stopping starts no new upload, but lets those in flight finish (bounded by the network timeout): a blob
            // then holds the old or the new document, never a mix.
            var headers = new BlobHttpHeaders { ContentType = document.ContentType, CacheControl = cacheControl, ContentHash = hash };
            await container.GetBlobClient(document.Name)
                .UploadAsync(BinaryData.FromBytes(document.Content), new BlobUploadOptions { HttpHeaders = headers }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
