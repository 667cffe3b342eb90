using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

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
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The version of this layout.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What the hashes were taken with and from: the code and the source's location.</summary>
    public string Context { get; set; } = string.Empty;

    /// <summary>The files, in no particular order.</summary>
    public IReadOnlyList<RememberedFile> Files { get; set; } = [];

    /// <summary>Reads a memory written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not gzip-compressed.</exception>
    /// <exception cref="JsonException">The bytes are not a memory.</exception>
    public static SourceMemory FromBytes(ReadOnlyMemory<byte> bytes)
    {
        using var compressed = new MemoryStream(bytes.ToArray(), writable: false);
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<SourceMemory>(json, SerializerOptions) ?? throw new JsonException("The source memory is null.");
    }

    /// <summary>The memory as gzip-compressed JSON.</summary>
    public byte[] ToBytes()
    {
        using var compressed = new MemoryStream();
        using (var json = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(json, this, SerializerOptions);
        }

        return compressed.ToArray();
    }
}
