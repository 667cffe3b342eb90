using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Feeds;

/// <summary>
/// What the publisher remembers of one feed: the dates it gave to undated articles and when articles changed.
/// Kept in storage (never only on a local disk), so every run on every machine writes the same dates.
/// </summary>
internal sealed class FeedState
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The version of this layout, for readers of older or newer states.</summary>
    public int Version { get; set; } = 1;

    /// <summary>When the feed was first published: the date in its id.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>The articles seen so far, by file name (entries stay when a file is removed, so it keeps its date if it returns).</summary>
    /// <remarks>Read with <see cref="FeedState.FromJson"/>; the version stays 1 while fields are only added.</remarks>
    public SortedDictionary<string, ArticleState> Articles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a state.</exception>
    public static FeedState FromJson(ReadOnlySpan<byte> json)
    {
        var state = JsonSerializer.Deserialize<FeedState>(json, SerializerOptions) ?? throw new JsonException("The feed state is null.");
        state.Articles = new SortedDictionary<string, ArticleState>(state.Articles, StringComparer.Ordinal);
        return state;
    }

    /// <summary>The state as UTF-8 JSON, the same bytes for the same state.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SerializerOptions);
}
