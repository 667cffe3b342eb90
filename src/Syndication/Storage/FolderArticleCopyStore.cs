namespace Syndication.Storage;

/// <summary>Keeps the copies of article files in <c>sources/&lt;feed&gt;/</c> under the private folder of a local output folder, one file each.</summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderArticleCopyStore(string privateFolder) : IArticleCopyStore
{
    private readonly string _folder = Path.Combine(privateFolder, "sources");

    /// <inheritdoc/>
    public async Task SaveAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (fileName, bytes) in files)
        {
            var path = PathOf(feed, fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]?> LoadAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        var path = PathOf(feed, fileName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    private string PathOf(string feed, string fileName) => Path.Combine(_folder, feed, Path.GetFileName(fileName));
}
