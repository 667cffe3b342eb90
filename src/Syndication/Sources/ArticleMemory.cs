using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>
/// The articles of one feed as the source read them, kept with the publisher's state so that a new process does not
/// parse again the files that did not change: with <see cref="SourceMemory"/>, a file whose stamp and hash are
/// remembered is taken from here instead of being read and parsed.
/// </summary>
/// <remarks>
/// Only a cache, like <see cref="SourceMemory"/>: an article is taken only for a file whose remembered hash is its
/// <see cref="Article.ContentHash"/>, and the whole memory only under the same <see cref="Context"/> (the same code,
/// parser settings and source). Only articles read without a problem to report are kept, so every problem is reported
/// again at every run. Stored as gzip-compressed JSON, one file per feed, rewritten only when the feed's articles
/// changed.
/// </remarks>
internal sealed class ArticleMemory
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        // Never served: the bodies' HTML is kept as it is rather than escaped for a browser.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The version of this layout.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What the articles were read with and from: the code, the parser settings and the source's location.</summary>
    public string Context { get; set; } = string.Empty;

    /// <summary>The articles, in file name order.</summary>
    public IReadOnlyList<Article> Articles { get; set; } = [];

    /// <summary>Reads a memory written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not gzip-compressed.</exception>
    /// <exception cref="JsonException">The bytes are not a memory.</exception>
    public static ArticleMemory FromBytes(ReadOnlyMemory<byte> bytes)
    {
        using var compressed = new MemoryStream(bytes.ToArray(), writable: false);
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<ArticleMemory>(json, SerializerOptions) ?? throw new JsonException("The article memory is null.");
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
