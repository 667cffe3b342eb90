namespace Syndication.Storage;

/// <summary>Keeps the source's memory in <c>source-memory.json.gz</c> in the private folder of a local output folder.</summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderSourceMemoryStore(string privateFolder) : ISourceMemoryStore
{
    private readonly string _path = Path.Combine(privateFolder, "source-memory.json.gz");

    /// <inheritdoc/>
    public async Task<ReadOnlyMemory<byte>?> LoadAsync(CancellationToken cancellationToken) =>
        File.Exists(_path) ? (ReadOnlyMemory<byte>?)await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false) : null;

    /// <inheritdoc/>
    public Task SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => AtomicFile.WriteAsync(_path, bytes, cancellationToken);
}
