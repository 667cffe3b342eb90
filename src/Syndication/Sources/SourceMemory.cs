using System.Text.Json;

namespace Syndication.Sources;

/// <summary>
/// What a source remembers of its files, kept with the publisher's state so that a new process (a <c>publish</c>
/// from cron, a restarted worker) does not read and hash the files that did not change since the last run: a run
/// with nothing new then reads no article at all.
/// </summary>
/// <remarks>
/// Only a cache: each file is trusted only while its listing shows the remembered stamp, and the whole memory only
/// under the same <see cref="Context"/> (the same code and source), so a stale or foreign memory costs reads, never
/// a wrong document. Stored as gzip-compressed JSON, about 60 bytes per file.
/// <para>
/// What the files were read as is not kept: at 10,000 articles, loading and saving the parsed articles cost about as
/// much as parsing them again (measured), so that waits for a memory that a run reads only in part.
/// </para>
/// </remarks>
internal sealed class SourceMemory
{
    /// <summary>The version of this layout.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What the hashes were taken with and from: the code and the source's location.</summary>
    public string Context { get; set; } = string.Empty;

    /// <summary>The files, in no particular order.</summary>
    public IReadOnlyList<RememberedFile> Files { get; set; } = [];

    /// <summary>Reads a memory written by <see cref="ToBytesAsync"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not gzip-compressed.</exception>
    /// <exception cref="JsonException">The bytes are not a memory.</exception>
    public static async Task<SourceMemory> FromBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return await CompressedJson.ReadAsync<SourceMemory>(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The memory as gzip-compressed JSON.</summary>
    public async Task<byte[]> ToBytesAsync(CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await CompressedJson.WriteAsync(stream, this, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }
}
