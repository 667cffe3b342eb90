using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Carries the source's memory of its files (<see cref="SourceMemory"/>) from one process to the next: recalled
/// before the first run of a process, saved after a run that changed it. A process started by cron, or a restarted
/// worker, then reads and hashes only the files that changed.
/// </summary>
/// <remarks>
/// A cache, never a source of truth: a memory that cannot be read or saved costs one full read and is logged as a
/// warning, and never fails a run. A dry run saves nothing.
/// </remarks>
internal sealed class SourceMemoryKeeper(IFeedSource source, ISourceMemoryStore store, SyndicationOptions options, ILogger logger)
{
    private bool _recalled;
    // What the store holds, as Digest computes it; null when unknown.
    private string? _saved;

    /// <summary>Recalls the memory the last process saved, the first time it is called in this process.</summary>
    public async Task RecallOnceAsync(CancellationToken cancellationToken)
    {
        if (_recalled)
        {
            return;
        }

        _recalled = true;
        try
        {
            if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                return;
            }

            var memory = SourceMemory.FromBytes(bytes);
            if (memory.Version != new SourceMemory().Version || memory.Context != Context())
            {
                Log.SourceMemoryStale(logger);
                return;
            }

            source.Recall(memory.Files);
            _saved = Digest(memory.Files);
            Log.SourceMemoryRecalled(logger, memory.Files.Count);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryUnreadable(logger, e.Message);
        }
    }

    /// <summary>Saves the source's memory when it differs from what the store holds.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            return;
        }

        var files = source.Remembered().OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var digest = Digest(files);
        if (digest == _saved)
        {
            return;
        }

        try
        {
            await store.SaveAsync(new SourceMemory { Context = Context(), Files = files }.ToBytes(), cancellationToken).ConfigureAwait(false);
            _saved = digest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryNotSaved(logger, e.Message);
        }
    }

    /// <summary>What a remembered hash depends on besides the file: the code that took it, and where the files are.</summary>
    private string Context() => $"{PublishFingerprint.CodeVersion}\n{source.Location}";

    private static string Digest(IEnumerable<RememberedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Key}\0{file.Stamp}\0{file.Hash}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
