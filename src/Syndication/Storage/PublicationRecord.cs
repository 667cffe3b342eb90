using System.Text.Json;
using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>
/// What the last complete publication of a feed stored: the fingerprint of everything each page was written from,
/// and the MD5 of each document. A page whose fingerprint and documents still match needs no writing.
/// </summary>
/// <param name="Pages">The fingerprint of each page (see <c>PublishFingerprint</c>): the subscription page, then the archives.</param>
/// <param name="Documents">The MD5 (Base64, as storage reports it) of each document stored, by name.</param>
internal sealed record PublicationRecord(IReadOnlyList<string> Pages, IReadOnlyDictionary<string, string> Documents)
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// The fingerprint of every source file and setting the publication was made from (see <c>PublishFingerprint.OfInputs</c>);
    /// <see langword="null"/> when that run reported problems with its input, which every run must then report again.
    /// </summary>
    public string? Inputs { get; init; }

    /// <summary>The version of the feed's state the publication was made from.</summary>
    public string? State { get; init; }

    /// <summary>How many entries the feed has.</summary>
    public int Entries { get; init; }

    /// <summary>How many articles the run held because their date was still to come (recorded with the list of all feeds).</summary>
    public int Held { get; init; }

    /// <summary>
    /// When the first held article is due (recorded with the list of all feeds): from then on the inputs are no longer
    /// the same, though no file changed.
    /// </summary>
    public DateTimeOffset? NextRelease { get; init; }

    /// <summary>
    /// The definition the feed was published from: when its <c>feed.json</c> breaks later, the feed goes on being
    /// published from it and keeps its place in the list of all feeds.
    /// </summary>
    public FeedDefinition? Definition { get; init; }

    /// <summary>The derived feeds (per tag, per author, of every article) the list of all feeds names (recorded with that list).</summary>
    public IReadOnlyList<string> Derived { get; init; } = [];

    /// <summary>
    /// Whether storage (<paramref name="stored"/>, as listed now under the feed's prefix) holds exactly the documents
    /// written: each with the same MD5, and no other that <paramref name="owned"/> claims.
    /// </summary>
    public bool IsStoredIn(IReadOnlyDictionary<string, string> stored, Func<string, bool> owned)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(owned);
        return Documents.All(d => stored.TryGetValue(d.Key, out var hash) && hash == d.Value)
            && stored.Keys.Where(owned).All(Documents.ContainsKey);
    }

    /// <summary>
    /// Whether page <paramref name="page"/> was written from inputs with <paramref name="fingerprint"/>, and its
    /// <paramref name="documents"/> are still stored (<paramref name="stored"/>, as listed now) as they were written.
    /// </summary>
    public bool Holds(int page, string fingerprint, IEnumerable<string> documents, IReadOnlyDictionary<string, string> stored)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(stored);
        return page < Pages.Count && Pages[page] == fingerprint
            && documents.All(name => Documents.TryGetValue(name, out var written) && stored.TryGetValue(name, out var hash) && hash == written);
    }

    /// <summary>Reads a record written by <see cref="ToJson"/>; <see langword="null"/> when the bytes are not one (the feed is then simply rendered).</summary>
    public static PublicationRecord? FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<PublicationRecord>(json, SerializerOptions) is { Pages: not null, Documents: not null } record ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The record as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SerializerOptions);
}
