using System.Security.Cryptography;
using System.Text.Json;
using Syndication.Feeds;

namespace Syndication.Storage;

/// <summary>
/// Keeps feed states in <c>state/</c> under the private folder of a local output folder, for
/// <c>syndication publish --out DIR</c>: the same dates on every run into that folder.
/// </summary>
/// <param name="privateFolder">The private folder (<see cref="PrivateFolder"/>).</param>
internal sealed class FolderFeedStateStore(string privateFolder) : IFeedStateStore
{
    private readonly string _folder = Path.Combine(privateFolder, "state");

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
            return (FeedState.FromJson(bytes), VersionOf(bytes));
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
        return File.Exists(path) ? VersionOf(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    /// <inheritdoc/>
    public async Task<bool> TrySaveAsync(string feed, FeedState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (await VersionAsync(feed, cancellationToken).ConfigureAwait(false) != version)
        {
            return false;
        }

        await AtomicFile.WriteAsync(PathOf(feed), state.ToJson(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string VersionOf(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private string PathOf(string feed) => Path.Combine(_folder, feed + ".json");
}
