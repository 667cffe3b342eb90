using System.Text.Json;

namespace Syndication.Storage;

/// <summary>
/// What the last complete publication of a feed stored: the fingerprint of everything its documents were made from,
/// and the MD5 of each document. When both still hold, a run has nothing to render or write for the feed.
/// </summary>
/// <param name="Fingerprint">The fingerprint of the feed's inputs (see <c>PublishFingerprint</c>).</param>
/// <param name="Documents">The MD5 (Base64, as storage reports it) of each document stored, by name.</param>
public sealed record PublishedSnapshot(string Fingerprint, IReadOnlyDictionary<string, string> Documents)
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Whether <paramref name="stored"/> (documents under the feed's prefix, as listed now) still holds exactly these documents.</summary>
    /// <param name="stored">The stored documents and their MD5s.</param>
    /// <param name="owned">Which stored names the publisher writes; others (put there by someone else) do not matter.</param>
    public bool IsStoredIn(IReadOnlyDictionary<string, string> stored, Func<string, bool> owned)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(owned);
        return Documents.All(d => stored.TryGetValue(d.Key, out var hash) && hash == d.Value)
            && stored.Keys.Where(owned).All(Documents.ContainsKey);
    }

    /// <summary>Reads a snapshot written by <see cref="ToJson"/>; <see langword="null"/> when the bytes are not one (the feed is then simply rendered).</summary>
    public static PublishedSnapshot? FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishedSnapshot>(json, SerializerOptions) is { Fingerprint: not null, Documents: not null } snapshot ? snapshot : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The snapshot as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SerializerOptions);
}
