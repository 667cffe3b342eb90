using System.Globalization;
using Azure;
using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>
/// Keeps the source's memory in the private container: <c>&lt;scope&gt;/.source-memory.json.gz</c>, and each feed's
/// articles beside its state, in <c>&lt;scope&gt;/&lt;feed&gt;/articles.json.gz</c> (and its parts in
/// <c>&lt;scope&gt;/&lt;feed&gt;/articles/&lt;n&gt;.json.gz</c>); the articles' terms in
/// <c>&lt;scope&gt;/.related-terms/&lt;n&gt;.bin</c>.
/// </summary>
/// <param name="container">The private state container.</param>
/// <param name="scope">The published container's name, as in the state's blob names.</param>
internal sealed class BlobSourceMemoryStore(BlobContainerClient container, string scope) : ISourceMemoryStore
{
    // A feed folder whose name starts with a dot is never a feed, so no feed's blobs can take this name.
    private string BlobName => $"{scope}/.source-memory.json.gz";

    private string TermsOf(int part) => string.Create(CultureInfo.InvariantCulture, $"{scope}/.related-terms/{part:D2}.bin");

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken) => DownloadAsync(BlobName, cancellationToken);

    /// <inheritdoc/>
    public Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => UploadAsync(BlobName, bytes, cancellationToken);

    /// <inheritdoc/>
    public Task<T?> LoadArticlesAsync<T>(string feed, int? part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        LoadStreamAsync(ArticlesOf(feed, part), read, cancellationToken);

    /// <inheritdoc/>
    public Task SaveArticlesAsync(string feed, int? part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        SaveStreamAsync(ArticlesOf(feed, part), write, cancellationToken);

    /// <inheritdoc/>
    public Task<T?> LoadTermsAsync<T>(int part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        LoadStreamAsync(TermsOf(part), read, cancellationToken);

    /// <inheritdoc/>
    public Task SaveTermsAsync(int part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        SaveStreamAsync(TermsOf(part), write, cancellationToken);

    private Task<T?> LoadStreamAsync<T>(string name, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return StorageErrors.TranslateAsync(container.Uri, name, async () =>
        {
            try
            {
                var stream = await container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await read(stream, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return default;
            }
        });
    }

    private Task SaveStreamAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return StorageErrors.TranslateAsync(container.Uri, name, async () =>
        {
            // Blocks staged as they are written, committed when the stream closes: readers see the old blob until then.
            var stream = await container.GetBlobClient(name).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    private string ArticlesOf(string feed, int? part) => part is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"{scope}/{feed}/articles/{n:D2}.json.gz")
        : $"{scope}/{feed}/articles.json.gz";

    private Task<ReadOnlyMemory<byte>?> DownloadAsync(string name, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, name, async () =>
        {
            var (bytes, _) = await PrivateBlobs.DownloadAsync(container.GetBlobClient(name), cancellationToken).ConfigureAwait(false);
            return bytes;
        });

    private Task UploadAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(container.Uri, name, () =>
            container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken));
}
