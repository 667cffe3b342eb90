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
    /// <summary>The version of this layout.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What the articles were read with and from: the code, the parser settings and the source's location.</summary>
    public string Context { get; set; } = string.Empty;

    /// <summary>
    /// In how many parts the feed's articles are saved: 1 keeps them in this memory; more keeps them in parts of their
    /// own (each with its <see cref="Part"/>), this memory then holding none, so that a new article rewrites one part
    /// rather than the whole feed (see <see cref="PartsFor"/>).
    /// </summary>
    public int Parts { get; set; } = 1;

    /// <summary>Which part this memory is, when the feed's articles are saved in parts.</summary>
    public int? Part { get; set; }

    /// <summary>The articles, in file name order.</summary>
    public IReadOnlyList<Article> Articles { get; set; } = [];

    /// <summary>
    /// How many parts the memory of a feed of <paramref name="articles"/> articles is saved in: one up to 2,048 articles,
    /// then a power of two giving parts of 512 to 1,024 articles, at most 64.
    /// </summary>
    public static int PartsFor(int articles) =>
        articles <= 2048 ? 1 : (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(articles + 1023) / 1024));

    /// <summary>The part of <paramref name="parts"/> the article of <paramref name="fileName"/> is saved in: a hash of the name that is the same in every process.</summary>
    public static int PartOf(string fileName, int parts)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return (int)(StableHash.Of(fileName) % (uint)parts);
    }

    /// <summary>Reads a memory written by <see cref="WriteAsync"/> from <paramref name="stream"/>, decompressing as it reads.</summary>
    /// <exception cref="InvalidDataException">The bytes are not gzip-compressed.</exception>
    /// <exception cref="JsonException">The bytes are not a memory.</exception>
    public static Task<ArticleMemory> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        CompressedJson.ReadAsync<ArticleMemory>(stream, cancellationToken);

    /// <summary>
    /// Writes the memory to <paramref name="stream"/> as gzip-compressed JSON, a buffer at a time: the JSON of a large
    /// feed is never held whole (at 100,000 articles it would be some 300 MB).
    /// </summary>
    public Task WriteAsync(Stream stream, CancellationToken cancellationToken) => CompressedJson.WriteAsync(stream, this, cancellationToken);
}
