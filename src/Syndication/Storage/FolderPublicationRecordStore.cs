namespace Syndication.Storage;

/// <summary>Keeps publication records in <c>.syndication/published/</c> under a local output folder.</summary>
internal sealed class FolderPublicationRecordStore(string root) : IPublicationRecordStore
{
    private readonly string _folder = Path.Combine(PrivateFolder.Of(root), "published");

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
