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
/// <para>
/// Given an <see cref="InboxListing"/> (the event-driven inbox, <see cref="EventDrivenBlobFeedSource"/>), a run takes
/// its folders from there and lists nothing; whoever keeps that listing lists the container with
/// <see cref="ListContainerAsync"/> and looks at one blob with <see cref="ProbeAsync"/>.
/// </para>
/// </remarks>
internal sealed class BlobFeedSource(BlobContainerClient container, ArticleParser parser, InboxListing? listing = null) : FeedSource(parser)
{
    /// <summary>The inbox container's name.</summary>
    public string ContainerName => container.Name;

    /// <inheritdoc/>
    public override string Location => PublicUri.WithoutQuery(container.Uri).AbsoluteUri;

    private protected override int Parallelism => 16;

    /// <summary>One listing (of <c>&lt;feed&gt;/</c> alone, when given): the folders are the blob names' first segments.</summary>
    private protected override Task<IReadOnlyList<SourceFolder>> ListAsync(string? feed, CancellationToken cancellationToken) =>
        listing is { IsLoaded: true } kept ? Task.FromResult(kept.Folders(feed)) : ListContainerAsync(feed, cancellationToken);

    /// <summary>The folders of the container (only <paramref name="feed"/>'s, when given) as one listing shows them now.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public Task<IReadOnlyList<SourceFolder>> ListContainerAsync(string? feed, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, container.Name, () => ListFoldersAsync(feed, cancellationToken));

    /// <summary>Blob <paramref name="name"/> (<c>&lt;feed&gt;/&lt;file&gt;</c>) as it is now, from its properties alone; <see langword="null"/> when it does not exist.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public Task<SourceFile?> ProbeAsync(string name, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, $"{container.Name}/{name}", async () =>
        {
            try
            {
                var properties = (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                return FileOf(name[..slash], name[(slash + 1)..], properties.ContentLength, properties.ETag, properties.ContentHash);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return (SourceFile?)null;
            }
        });

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
                files.Add(FileOf(folder, name, blob.Properties.ContentLength ?? 0, blob.Properties.ETag, blob.Properties.ContentHash));
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

    /// <summary>A blob as a listing or its properties show it: the same stamp and version either way.</summary>
    private static SourceFile FileOf(string feed, string name, long length, ETag? etag, byte[]? md5) =>
        new(feed, name, length, StampOf(etag), Settled: true, md5 is { Length: > 0 } ? Convert.ToBase64String(md5) : StampOf(etag));

    // A listing gives the ETag bare and a download quoted, as its header has it.
    private static string StampOf(ETag? etag) => etag?.ToString().Trim('"') ?? string.Empty;

    private protected override string PathOf(string feed, string? fileName) => $"{container.Name}/{feed}/{fileName}";

    private protected override bool IsOutage(Exception exception) => exception is StorageException;
}
