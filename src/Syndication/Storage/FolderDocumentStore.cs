using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>
/// Writes documents into a local folder with the same layout as the container (<c>syndication publish --out DIR</c>):
/// for previews, for diffing two versions, and for static hosting. Each file is written to a temporary name and
/// renamed, so a web server never serves half a document; unchanged files are not touched.
/// </summary>
/// <remarks>
/// A listing gives each file's MD5, as storage does. The store remembers the MD5 of each file with its length and
/// write time, and hashes a file again only when those changed: a run lists each feed's documents more than once, and
/// a running worker lists them every run, while a new article changes two pages of hundreds. A write time not yet
/// settled (<see cref="FileWriteTime"/>) may not show the next write, so such a file is hashed at every listing.
/// With a private folder, what a listing hashed is kept there for the next process too (<c>documents/</c>, a file
/// per listed prefix), so a run with nothing new in a new process reads no document either.
/// </remarks>
/// <param name="root">The output folder.</param>
/// <param name="privateFolder">Where to keep the hashes between processes; <see langword="null"/> keeps them in this process only (a dry run writes nothing).</param>
internal sealed class FolderDocumentStore(string root, string? privateFolder = null) : IDocumentStore
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, string Md5)> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _recalled = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Uri Location => new(Path.TrimEndingDirectorySeparator(_root) + Path.DirectorySeparatorChar);

    /// <inheritdoc/>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<UploadSummary> SynchronizeAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken) =>
        WriteAsync(prefix, documents, owned, write: true, cancellationToken);

    /// <inheritdoc/>
    public Task<UploadSummary> CompareAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken) =>
        WriteAsync(prefix, documents, owned, write: false, cancellationToken);

    /// <summary>Writes what differs and deletes what is stale, or with <paramref name="write"/> off only tells which (a dry run decides exactly as a run).</summary>
    private async Task<UploadSummary> WriteAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(owned);
        int written = 0, unchanged = 0;
        long bytes = 0;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var writtenNames = new List<string>();
        var wave = int.MinValue;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentOutOfRangeException.ThrowIfLessThan(document.Wave, wave, nameof(documents));
            wave = document.Wave;
            hashes[document.Name] = Convert.ToBase64String(MD5.HashData(document.Content.Span));
            var path = PathOf(document.Name);
            if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(document.Content.Span))
            {
                unchanged++;
                continue;
            }

            if (write)
            {
                // Not cancelled once begun: the file holds the old document or the whole new one.
                await AtomicFile.WriteAsync(path, document.Content, CancellationToken.None).ConfigureAwait(false);
            }

            writtenNames.Add(document.Name);
            written++;
            bytes += document.Content.Length;
        }

        var stale = FilesUnder(prefix).Where(f => owned(f.Name) && !hashes.ContainsKey(f.Name)).ToList();
        foreach (var (_, file) in stale.Where(_ => write))
        {
            File.Delete(file);
        }

        return new UploadSummary(written, unchanged, stale.Count, bytes) { Hashes = hashes, UploadNames = writtenNames, DeleteNames = [.. stale.Select(f => f.Name)] };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await RecallAsync(prefix, cancellationToken).ConfigureAwait(false);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = FilesUnder(prefix).ToList();
        var hashed = 0;
        foreach (var (name, file) in files)
        {
            (stored[name], var known) = await Md5OfAsync(file, cancellationToken).ConfigureAwait(false);
            hashed += known ? 0 : 1;
        }

        if (hashed > 0)
        {
            await KeepAsync(prefix, files, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Takes the hashes the last process kept for <paramref name="prefix"/>, once per process.</summary>
    private async Task RecallAsync(string prefix, CancellationToken cancellationToken)
    {
        if (HashesOf(prefix) is not { } path || !_recalled.TryAdd(prefix, true) || !File.Exists(path))
        {
            return;
        }

        try
        {
            var kept = JsonSerializer.Deserialize<List<KeptHash>>(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) ?? [];
            foreach (var hash in kept)
            {
                _hashes.TryAdd(PathOf(hash.Name), (hash.Length, new DateTime(hash.Written, DateTimeKind.Utc), hash.Md5));
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Only a cache: the files are hashed again, and the hashes kept anew.
        }
    }

    /// <summary>Keeps the hashes of the files listed under <paramref name="prefix"/> for the next process.</summary>
    private async Task KeepAsync(string prefix, List<(string Name, string File)> files, CancellationToken cancellationToken)
    {
        if (HashesOf(prefix) is not { } path)
        {
            return;
        }

        var kept = files
            .Where(f => _hashes.ContainsKey(f.File))
            .Select(f => (f.Name, Hash: _hashes[f.File]))
            .Select(f => new KeptHash(f.Name, f.Hash.Length, f.Hash.Written.Ticks, f.Hash.Md5))
            .ToList();
        await AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(kept), cancellationToken).ConfigureAwait(false);
    }

    private string? HashesOf(string prefix) => privateFolder is null
        ? null
        : Path.Combine(privateFolder, "documents", Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(prefix)))[..32] + ".json");

    /// <summary>A document's hash as kept between processes.</summary>
    private sealed record KeptHash(string Name, long Length, long Written, string Md5);

    /// <summary>
    /// The MD5 of <paramref name="file"/> (base64, as storage gives it): remembered while its length and write time
    /// stay the same. Also whether it was remembered.
    /// </summary>
    private async Task<(string Md5, bool Remembered)> Md5OfAsync(string file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        if (_hashes.TryGetValue(file, out var known) && known.Length == length && known.Written == written)
        {
            return (known.Md5, true);
        }

        string md5;
        using (var stream = File.OpenRead(file))
        {
            md5 = Convert.ToBase64String(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        if (FileWriteTime.IsSettled(written, DateTime.UtcNow))
        {
            _hashes[file] = (length, written, md5);
        }
        else
        {
            _hashes.TryRemove(file, out _);
        }

        return (md5, false);
    }

    /// <summary>The stored documents whose names start with <paramref name="prefix"/>, in name order.</summary>
    private IEnumerable<(string Name, string File)> FilesUnder(string prefix)
    {
        var folder = Path.Combine(_root, Path.GetDirectoryName(prefix.Replace('/', Path.DirectorySeparatorChar)) ?? string.Empty);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => (Name: Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'), File: file))
            .Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && !f.Name.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal))
            .ToList();
    }

    private string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, name));
        // Names come from feed folder names and fixed file names, but a document never escapes the folder.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"The document name '{name}' leaves the output folder.");
    }
}
