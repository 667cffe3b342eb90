namespace Syndication.Articles;

/// <summary>Feeds read from a local folder (see <see cref="FeedFolderReader"/>).</summary>
public sealed class FolderFeedSource(string path, ArticleParser parser) : IFeedSource
{
    private readonly FeedFolderReader _reader = new(parser);

    /// <inheritdoc/>
    public string Location { get; } = Path.GetFullPath(path);

    /// <inheritdoc/>
    public Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken) => Task.FromResult(_reader.Fingerprint(path));

    /// <inheritdoc/>
    public Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken, FeedCatalog? previous = null) => Task.FromResult(_reader.Read(path, previous));

    /// <inheritdoc/>
    public async Task<byte[]?> ReadBytesAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        var file = Path.Combine(path, feed, fileName);
        try
        {
            return await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken, SourceFeed? previous = null) =>
        Task.FromResult(_reader.ReadFeed(path, name, diagnostics, previous));
}
