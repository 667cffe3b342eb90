using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Sources;

/// <summary>How the source's memories are stored: gzip-compressed JSON, written and read a buffer at a time.</summary>
internal static class CompressedJson
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        // Never served: the bodies' HTML is kept as it is rather than escaped for a browser.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a <typeparamref name="T"/> written by <see cref="WriteAsync"/> from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not gzip-compressed.</exception>
    /// <exception cref="JsonException">The bytes are not a <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadAsync<T>(Stream stream, CancellationToken cancellationToken)
    {
        var json = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        await using (json.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(json, SerializerOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException($"The {typeof(T).Name} is null.");
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="stream"/>, never holding its whole JSON.</summary>
    public static async Task WriteAsync<T>(Stream stream, T value, CancellationToken cancellationToken)
    {
        var json = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        await using (json.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(json, value, SerializerOptions, cancellationToken).ConfigureAwait(false);
        }
    }
}
