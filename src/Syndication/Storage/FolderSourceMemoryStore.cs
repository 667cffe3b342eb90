namespace Syndication.Storage;

/// <summary>
/// Keeps the source's memory in the private folder of a local output folder: <c>source-memory.json.gz</c>, and each
/// feed's articles in <c>articles/&lt;feed&gt;.json.gz</c>.
/// </summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderSourceMemoryStore(string privateFolder) : ISourceMemoryStore
{
    private readonly string _path = Path.Combine(privateFolder, "source-memory.json.gz");
    private readonly string _articles = Path.Combine(privateFolder, "articles");

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken) => ReadAsync(_path, cancellationToken);

    /// <inheritdoc/>
    public Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => AtomicFile.WriteAsync(_path, bytes, cancellationToken);

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> LoadArticlesAsync(string feed, CancellationToken cancellationToken) => ReadAsync(ArticlesOf(feed), cancellationToken);

    /// <inheritdoc/>
    public Task SaveArticlesAsync(string feed, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(ArticlesOf(feed), bytes, cancellationToken);

    private string ArticlesOf(string feed) => Path.Combine(_articles, feed + ".json.gz");

    private static async Task<ReadOnlyMemory<byte>?> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? (ReadOnlyMemory<byte>?)await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
}
