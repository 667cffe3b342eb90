namespace Syndication.Storage;

/// <summary>Keeps publication records in <c>published/</c> under the private folder of a local output folder.</summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderPublicationRecordStore(string privateFolder) : IPublicationRecordStore
{
    private readonly string _folder = Path.Combine(privateFolder, "published");

    /// <inheritdoc/>
    public async Task<PublicationRecord?> LoadAsync(string feed, CancellationToken cancellationToken)
    {
        var path = PathOf(feed);
        return File.Exists(path) ? PublicationRecord.FromJson(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    /// <inheritdoc/>
    public Task SaveAsync(string feed, PublicationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AtomicFile.WriteAsync(PathOf(feed), record.ToJson(), cancellationToken);
    }

    private string PathOf(string feed) => Path.Combine(_folder, feed + ".json");
}
