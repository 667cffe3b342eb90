using System.Security.Cryptography;
using System.Text.Json;
using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>
/// Keeps feed states in <c>.syndication/state/</c> under a local output folder, for <c>syndication publish --out DIR</c>:
/// the same dates on every run into that folder. One process writes a folder, so locks are not needed.
/// </summary>
public sealed class FolderFeedStateStore(string root) : IFeedStateStore
{
    private readonly string _folder = Path.Combine(Path.GetFullPath(root), ".syndication", "state");

    /// <inheritdoc/>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<(FeedState State, string? Version)> LoadAsync(string feed, CancellationToken cancellationToken)
    {
        var path = PathOf(feed);
        if (!File.Exists(path))
        {
            return (new FeedState(), null);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return (FeedState.FromJson(bytes), Convert.ToHexString(SHA256.HashData(bytes)));
        }
        catch (JsonException e)
        {
            throw new FeedStateException(path, $"the stored state is not valid JSON ({e.Message}); it was left untouched", e);
        }
    }

    /// <inheritdoc/>
    public async Task<string?> VersionAsync(string feed, CancellationToken cancellationToken)
    {
        var path = PathOf(feed);
        return File.Exists(path) ? Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false))) : null;
    }

    /// <inheritdoc/>
    public async Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var path = PathOf(feed);
        var current = File.Exists(path) ? Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false))) : null;
        if (current != version)
        {
            return false;
        }

        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, state.ToJson(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <inheritdoc/>
    public Task<IFeedLock?> TryLockAsync(string feed, CancellationToken cancellationToken) => Task.FromResult<IFeedLock?>(new UnsharedLock());

    /// <inheritdoc/>
    public async Task SaveSourcesAsync(string feed, IReadOnlyCollection<KeyValuePair<string, ReadOnlyMemory<byte>>> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (fileName, bytes) in files)
        {
            var path = SourcePath(feed, fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]?> LoadSourceAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        var path = SourcePath(feed, fileName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc/>
    public async Task<PublishedSnapshot?> LoadSnapshotAsync(string feed, CancellationToken cancellationToken)
    {
        var path = SnapshotPath(feed);
        return File.Exists(path) ? PublishedSnapshot.FromJson(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    /// <inheritdoc/>
    public async Task SaveSnapshotAsync(string feed, PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = SnapshotPath(feed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path + ".tmp", snapshot.ToJson(), cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private string SnapshotPath(string feed) => Path.Combine(Path.GetDirectoryName(_folder)!, "published", feed + ".json");

    private string PathOf(string feed) => Path.Combine(_folder, feed + ".json");

    private string SourcePath(string feed, string fileName) => Path.Combine(Path.GetDirectoryName(_folder)!, "sources", feed, Path.GetFileName(fileName));

    private sealed class UnsharedLock : IFeedLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
