using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>Stores finished documents as blobs, writing only those whose bytes or headers changed.</summary>
/// <remarks>
/// Each document is one Put Blob request, which storage applies atomically: a reader gets the old version or the
/// new one, never a mix. Unchanged documents are not written, so their ETag and Last-Modified stay and
/// aggregators polling with conditional requests get <c>304 Not Modified</c>.
/// </remarks>
public sealed class BlobDocumentStore(BlobContainerClient container, StorageOptions options) : IDocumentStore
{
    private const int ParallelUploads = 16;

    /// <summary>The container's URL, without a SAS token.</summary>
    public Uri Location => PublicUri.WithoutQuery(container.Uri);

    /// <summary>Creates the container when missing, with the configured anonymous access.</summary>
    /// <exception cref="PublicAccessNotPermittedException">The account forbids the anonymous access asked for.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var access = options.PublicAccess == PublicAccess.Blob ? PublicAccessType.Blob : PublicAccessType.None;
        try
        {
            await container.CreateIfNotExistsAsync(access, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "PublicAccessNotPermitted")
        {
            throw new PublicAccessNotPermittedException(container.Name, e);
        }
    }

    /// <summary>
    /// Writes the documents that differ from what is stored under <paramref name="prefix"/>, then deletes the blobs
    /// there that <paramref name="owned"/> claims and no document names any more.
    /// </summary>
    /// <param name="prefix">A prefix of every document's name: the stored blobs are listed by it, in one request.</param>
    /// <param name="documents">The documents.</param>
    /// <param name="owned">Which stored blob names this publisher writes (others under the prefix are never deleted).</param>
    /// <param name="cancellationToken">Stops further uploads; an upload in flight finishes or fails whole.</param>
    public async Task<UploadSummary> SynchronizeAsync(string prefix, IReadOnlyList<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(owned);
        var stored = new Dictionary<string, BlobItemProperties>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            stored[blob.Name] = blob.Properties;
        }

        int uploaded = 0, unchanged = 0, deleted = 0;
        long bytes = 0;
        foreach (var wave in documents.GroupBy(d => d.Wave).OrderBy(g => g.Key))
        {
            var changed = new List<(FeedDocument Document, byte[] Hash, string? CacheControl)>();
            foreach (var document in wave)
            {
                var cacheControl = options.CacheControlFor(document.Kind);
                var hash = MD5.HashData(document.Content.Span);
                if (stored.TryGetValue(document.Name, out var properties)
                    && properties.ContentHash is { } storedHash && storedHash.AsSpan().SequenceEqual(hash)
                    && properties.ContentType == document.ContentType
                    && properties.CacheControl == cacheControl)
                {
                    unchanged++;
                }
                else
                {
                    changed.Add((document, hash, cacheControl));
                }
            }

            // Several uploads at once: each is one request, and storage is far from busy with one at a time.
            await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads }, async (item, _) =>
            {
                // Stopping starts no new upload, but lets those in flight finish (bounded by the network timeout): a
                // blob then holds the old or the new document, never a mix.
                cancellationToken.ThrowIfCancellationRequested();
                var headers = new BlobHttpHeaders { ContentType = item.Document.ContentType, CacheControl = item.CacheControl, ContentHash = item.Hash };
                await container.GetBlobClient(item.Document.Name)
                    .UploadAsync(BinaryData.FromBytes(item.Document.Content), new BlobUploadOptions { HttpHeaders = headers }, CancellationToken.None)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref uploaded);
                Interlocked.Add(ref bytes, item.Document.Content.Length);
            }).ConfigureAwait(false);
        }

        var names = documents.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in stored.Keys.Where(name => owned(name) && !names.Contains(name)).Order(StringComparer.Ordinal))
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return new UploadSummary(uploaded, unchanged, deleted, bytes);
    }
}
