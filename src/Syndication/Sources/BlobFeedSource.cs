using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Sources;

/// <summary>
/// Feeds read from a blob container (the "inbox" several workers share): <c>&lt;feed&gt;/feed.json</c> and the
/// articles beside it, by the same rules as the local folder. Files are named in messages as
/// <c>&lt;container&gt;/&lt;blob&gt;</c>.
/// </summary>
/// <remarks>
/// A blob's stamp is its ETag, and the fingerprint uses the MD5 the listing gives (or the ETag, for blobs stored
/// without one): only changed blobs are downloaded. Storage failing is an outage of the whole run, not a problem of
/// one file: it propagates.
/// </remarks>
internal sealed class BlobFeedSource(BlobContainerClient container, ArticleParser parser) : FeedSource(parser)
{
    /// <inheritdoc/>
    public override string Location => PublicUri.WithoutQuery(container.Uri).AbsoluteUri;

    private protected override int Parallelism => 16;

    /// <summary>One listing (of <c>&lt;feed&gt;/</c> alone, when given): the folders are the blob names' first segments.</summary>
    private protected override Task<IReadOnlyList<SourceFolder>> ListAsync(string? feed, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, container.Name, () => ListFoldersAsync(feed, cancellationToken));

    private async Task<IReadOnlyList<SourceFolder>> ListFoldersAsync(string? feed, CancellationToken cancellationToken)
    {
        var folders = new Dictionary<string, List<SourceFile>>(StringComparer.Ordinal);
        var options = new GetBlobsOptions { Prefix = feed is null ? null : feed + "/" };
        await foreach (var blob in container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            var folder = blob.Name[..slash];
            if (!folders.TryGetValue(folder, out var files))
            {
                folders[folder] = files = [];
            }

            var name = blob.Name[(slash + 1)..];
            if (!name.Contains('/', StringComparison.Ordinal))
            {
                var md5 = blob.Properties.ContentHash;
                files.Add(new SourceFile(folder, name, blob.Properties.ContentLength ?? 0, StampOf(blob.Properties.ETag), Settled: true,
                    md5 is { Length: > 0 } ? Convert.ToBase64String(md5) : blob.Properties.ETag?.ToString()));
            }
        }

        return [.. folders.Select(folder => new SourceFolder(folder.Key, folder.Value))];
    }

    private protected override Task<(SourceFile File, byte[] Bytes)?> ReadFileAsync(string feed, string name, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, PathOf(feed, name), () => DownloadAsync(feed, name, cancellationToken));

    private async Task<(SourceFile File, byte[] Bytes)?> DownloadAsync(string feed, string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = (await container.GetBlobClient($"{feed}/{name}").DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var bytes = download.Content.ToArray();
            // The ETag of the bytes downloaded, which may be newer than the listing's.
            return (new SourceFile(feed, name, bytes.Length, StampOf(download.Details.ETag), Settled: true), bytes);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // deleted since it was listed: it is simply not there any more
        }
    }

    // A listing gives the ETag bare and a download quoted, as its header has it.
    private static string StampOf(ETag? etag) => etag?.ToString().Trim('"') ?? string.Empty;

    private protected override string PathOf(string feed, string? fileName) => $"{container.Name}/{feed}/{fileName}";

    private protected override bool IsOutage(Exception exception) => exception is StorageException;
}
