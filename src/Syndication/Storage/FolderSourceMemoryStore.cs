using System.Globalization;

namespace Syndication.Storage;

/// <summary>
/// Keeps the source's memory in the private folder of a local output folder: <c>source-memory.json.gz</c>, and each
/// feed's articles in <c>articles/&lt;feed&gt;.json.gz</c> (and its parts in <c>articles/&lt;feed&gt;/&lt;n&gt;.json.gz</c>), and
/// the articles' terms in <c>related-terms/&lt;n&gt;.bin</c>.
/// </summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderSourceMemoryStore(string privateFolder) : ISourceMemoryStore
{
    private readonly string _path = Path.Combine(privateFolder, "source-memory.json.gz");
    private readonly string _articles = Path.Combine(privateFolder, "articles");
    private readonly string _terms = Path.Combine(privateFolder, "related-terms");

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken) => ReadAsync(_path, cancellationToken);

    /// <inheritdoc/>
    public Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => AtomicFile.WriteAsync(_path, bytes, cancellationToken);

    /// <inheritdoc/>
    public Task<T?> LoadArticlesAsync<T>(string feed, int? part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        LoadStreamAsync(ArticlesOf(feed, part), read, cancellationToken);

    /// <inheritdoc/>
    public Task SaveArticlesAsync(string feed, int? part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(ArticlesOf(feed, part), write, cancellationToken);

    /// <inheritdoc/>
    public Task<T?> LoadTermsAsync<T>(int part, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        LoadStreamAsync(TermsOf(part), read, cancellationToken);

    /// <inheritdoc/>
    public Task SaveTermsAsync(int part, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(TermsOf(part), write, cancellationToken);

    private string TermsOf(int part) => Path.Combine(_terms, string.Create(CultureInfo.InvariantCulture, $"{part:D2}.bin"));

    private static async Task<T?> LoadStreamAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!File.Exists(path))
        {
            return default;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await read(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private string ArticlesOf(string feed, int? part) => part is { } n
        ? Path.Combine(_articles, feed, string.Create(CultureInfo.InvariantCulture, $"{n:D2}.json.gz"))
        : Path.Combine(_articles, feed + ".json.gz");

    private static async Task<ReadOnlyMemory<byte>?> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? (ReadOnlyMemory<byte>?)await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
}
