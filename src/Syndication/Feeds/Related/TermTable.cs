using System.Collections.Concurrent;
using System.Text;

namespace Syndication.Feeds.Related;

/// <summary>
/// Each article's distinct terms in the order they first occur, with their counts: the part of indexing that reads
/// the text. Kept from run to run (and, saved with the state, from one process to the next), so that indexing reads
/// the text of new and changed articles only.
/// </summary>
/// <remarks>
/// <para>The rest of the index is worked out again from the table at every index (<see cref="RelatedArticleFinder"/>):
/// numbering the terms, their document frequencies, each article's weighed vector and the inverted index. It cannot be
/// kept as well and stay exact: every article's vector depends on every other article through the idf, so one new
/// article can change which 96 terms another article keeps. Worked out from the table, the index is the same, bit for
/// bit, as one made by reading every article afresh; it costs a pass over the counts, not a pass over the text.</para>
/// <para>An entry is taken for an article only when its key and fingerprint (its file's content hash) are the ones it
/// was counted under; whoever keeps the table between processes keeps it only under the same code and settings.</para>
/// <para>Not safe for concurrent use, except that <see cref="Count"/> may run on several threads at once.</para>
/// </remarks>
internal sealed class TermTable
{
    /// <summary>How many parts the table is saved in, each article's entry in the part <see cref="PartOf"/> gives it.</summary>
    public const int Parts = 32;

    private const int FormatVersion = 3;
    private static readonly byte[] Magic = "SYNT"u8.ToArray();

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<int> _unsaved = [];
    private Dictionary<string, TermEntry> _entries = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Makes an empty table.</summary>
    public TermTable()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many articles the table holds.</summary>
    public int Articles => _entries.Count;

    /// <summary>
    /// The parts whose entries changed since they were read or <see cref="Saved"/>: whoever keeps the table saves
    /// these only, so a new article costs one part's write, not the whole table's.
    /// </summary>
    public IReadOnlyCollection<int> Unsaved => _unsaved;

    /// <summary>The part an article's entry is saved in: a hash of its key that is the same in every process.</summary>
    public static int PartOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (int)(Sources.StableHash.Of(key) % Parts);
    }

    /// <summary>Tells the table that <paramref name="part"/> was saved as it is now.</summary>
    public void Saved(int part) => _unsaved.Remove(part);

    /// <summary>The number of term ids drawn (ids are below it; some may be unused).</summary>
    internal int IdCount => Volatile.Read(ref _next);

    /// <summary>The entry held for <paramref name="key"/> when it was counted under <paramref name="fingerprint"/>.</summary>
    public bool TryGet(string key, string? fingerprint, out TermEntry entry)
    {
        if (fingerprint is not null && _entries.TryGetValue(key, out var held) && held.Fingerprint == fingerprint)
        {
            entry = held;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Counts the terms of <paramref name="document"/> (title twice, then text); thread-safe. Not held until <see cref="Keep"/>.</summary>
    public TermEntry Count(RelatedDocument document, string? fingerprint)
    {
        ArgumentNullException.ThrowIfNull(document);
        var terms = new DocumentTerms();
        void Add(ReadOnlySpan<char> term)
        {
            if (!_lookup.TryGetValue(term, out var id))
            {
                // A racing thread may draw an id for the same term that is then dropped: ids may have gaps.
                id = _ids.GetOrAdd(term.ToString(), static (_, table) => Interlocked.Increment(ref table._next) - 1, this);
            }

            terms.Add(id);
        }

        TermTokenizer.Tokenize(document.Title, Add);
        TermTokenizer.Tokenize(document.Title, Add);
        TermTokenizer.Tokenize(document.Text, Add);
        var (ids, counts) = terms.Take();
        return new TermEntry(fingerprint, ids, counts);
    }

    /// <summary>
    /// Holds exactly the given entries from now on: those of keys not given are let go (articles deleted, or that
    /// left the index), and an entry counted without a fingerprint is not held.
    /// </summary>
    public void Keep(IReadOnlyList<string> keys, IReadOnlyList<TermEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(entries);
        var kept = new Dictionary<string, TermEntry>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (entries[i].Fingerprint is null)
            {
                continue;
            }

            kept[keys[i]] = entries[i];
            if (!_entries.TryGetValue(keys[i], out var held) || !ReferenceEquals(held, entries[i]))
            {
                _unsaved.Add(PartOf(keys[i]));
            }
        }

        foreach (var key in _entries.Keys)
        {
            if (!kept.ContainsKey(key))
            {
                _unsaved.Add(PartOf(key));
            }
        }

        _entries = kept;
    }

    /// <summary>
    /// Writes one part of the table to <paramref name="stream"/>: each term its entries use once, then
    /// each entry's term numbers and counts as variable-length integers.
    /// </summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="context">What the entries were counted under (the code and the parser settings); <see cref="ReadAsync"/> gives it back.</param>
    /// <param name="part">The part to write (see <see cref="PartOf"/>).</param>
    /// <param name="cancellationToken">Ends the write.</param>
    public async Task WriteAsync(Stream stream, string context, int part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(part, Parts);
        var entries = _entries.Where(e => PartOf(e.Key) == part).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        // The terms some entry uses, numbered in the order written: a term no article has any longer is not kept.
        var byId = new string[IdCount];
        foreach (var (term, id) in _ids)
        {
            byId[id] = term;
        }

        var renumbered = new int[byId.Length];
        Array.Fill(renumbered, -1);
        var used = new List<string>();
        foreach (var (_, entry) in entries)
        {
            foreach (var id in entry.Terms)
            {
                if (renumbered[id] < 0)
                {
                    renumbered[id] = used.Count;
                    used.Add(byId[id]);
                }
            }
        }

        // Not compressed: term numbers and counts compress to 0.8 of their size, not worth the time to decompress them.
        // Made in memory (a part is a thirty-second of the table), then written in one call.
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(context);
            writer.Write7BitEncodedInt(part);
            writer.Write7BitEncodedInt(used.Count);
            foreach (var term in used)
            {
                writer.Write(term);
            }

            writer.Write7BitEncodedInt(entries.Count);
            foreach (var (key, entry) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(key);
                writer.Write(entry.Fingerprint!);
                writer.Write7BitEncodedInt(entry.Terms.Length);
                for (var i = 0; i < entry.Terms.Length; i++)
                {
                    writer.Write7BitEncodedInt(renumbered[entry.Terms[i]]);
                    writer.Write7BitEncodedInt(entry.Counts[i]);
                }
            }
        }

        await stream.WriteAsync(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a part written by <see cref="WriteAsync"/>, numbering its terms in <paramref name="into"/> (several parts
    /// may be read into one table at once); its entries are held once given to <see cref="Hold"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a part of a table of this version.</exception>
    public static Task<TermTablePart> ReadAsync(Stream stream, TermTable into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(into);
        // Read whole, then parsed from memory: a reader's call per number would cost more than the read.
        return Task.Run(async () =>
        {
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            return Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), into, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Holds the entries of a part read by <see cref="ReadAsync"/> into this table.</summary>
    public void Hold(TermTablePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        foreach (var (key, entry) in part.Entries)
        {
            _entries[key] = entry;
        }
    }

    private static TermTablePart Read(ReadOnlySpan<byte> bytes, TermTable into, CancellationToken cancellationToken)
    {
        var reader = new SpanReader(bytes);
        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic) || reader.Int32() != FormatVersion)
        {
            throw new InvalidDataException("Not a term table of this version.");
        }

        var context = reader.String();
        var part = reader.Number();
        if (part >= Parts)
        {
            throw new InvalidDataException("The part number is out of range.");
        }

        var ids = new int[Length(reader.Number())];
        var seen = new HashSet<int>(ids.Length);
        var chars = new char[256];
        for (var local = 0; local < ids.Length; local++)
        {
            var term = reader.Utf8();
            if (chars.Length < term.Length)
            {
                chars = new char[term.Length];
            }

            // Most terms are in the table already (read from another part): looked up without making a string.
            var text = chars.AsSpan(0, Encoding.UTF8.GetChars(term, chars));
            if (!into._lookup.TryGetValue(text, out ids[local]))
            {
                ids[local] = into._ids.GetOrAdd(text.ToString(), static (_, table) => Interlocked.Increment(ref table._next) - 1, into);
            }

            if (!seen.Add(ids[local]))
            {
                throw new InvalidDataException("A term is written twice.");
            }
        }

        var entries = new KeyValuePair<string, TermEntry>[Length(reader.Number())];
        for (var e = 0; e < entries.Length; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = reader.String();
            var fingerprint = reader.String();
            var count = Length(reader.Number());
            var terms = new int[count];
            var counts = new int[count];
            for (var i = 0; i < count; i++)
            {
                var local = reader.Number();
                counts[i] = reader.Number();
                if (local >= ids.Length || counts[i] <= 0)
                {
                    throw new InvalidDataException($"The entry of {key} names a term that is not in the table.");
                }

                terms[i] = ids[local];
            }

            entries[e] = PartOf(key) == part
                ? new(key, new TermEntry(fingerprint, terms, counts))
                : throw new InvalidDataException($"The entry of {key} is in the wrong part.");
        }

        return new TermTablePart(context, part, entries);
    }

    private static int Length(int length) =>
        length is >= 0 and <= 1 << 28 ? length : throw new InvalidDataException("A length in the term table is out of range.");

    /// <summary>One document's distinct terms, in order of first occurrence, with their counts.</summary>
    private sealed class DocumentTerms
    {
        private readonly Dictionary<int, int> _positions = [];
        private readonly List<int> _terms = [];
        private readonly List<int> _counts = [];

        public void Add(int id)
        {
            if (_positions.TryGetValue(id, out var position))
            {
                _counts[position]++;
            }
            else
            {
                _positions[id] = _terms.Count;
                _terms.Add(id);
                _counts.Add(1);
            }
        }

        public (int[] Terms, int[] Counts) Take() => ([.. _terms], [.. _counts]);
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, from memory.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > _bytes.Length - _at)
            {
                throw new InvalidDataException("The term table ends early.");
            }

            var taken = _bytes.Slice(_at, count);
            _at += count;
            return taken;
        }

        public int Int32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        /// <summary>A non-negative number of up to five 7-bit groups, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        public int Number()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Bytes(1)[0];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("A number in the term table is out of range.");
                }
            }

            throw new InvalidDataException("A number in the term table is too long.");
        }

        public ReadOnlySpan<byte> Utf8() => Bytes(Length(Number()));

        public string String() => Encoding.UTF8.GetString(Utf8());
    }
}
