using System.Collections.Concurrent;

namespace Syndication.Feeds.Related;

/// <summary>
/// The term counts of a set of articles, numbered and counted (see <see cref="RelatedArticleFinder"/>), from which
/// the related articles of any one of them are found on demand.
/// </summary>
/// <remarks>
/// <para>Most runs need the related articles of a few new articles only. Weighing every article and building the
/// inverted index over all of them is what grows with the archive, so a lazy index weighs only what the articles
/// asked need: the asked article, and the articles that share one of its vector's terms (found by one pass over the
/// counts, which are not rebuilt). An article's weights depend only on its counts and on the numbering and idf, which
/// are made once for all, so a weight is the same bit for bit either way, and so is each score, summed in the same
/// order: an article's matches are the same whether it is asked of a lazy index or of one that weighed everything.</para>
/// <para>Once more articles are asked than a few passes pay for (a run from empty asks every article), the index
/// weighs the rest and builds the inverted index, and answers from it from then on.</para>
/// </remarks>
internal sealed class RelatedIndex
{
    /// <summary>How many articles a lazy index answers one by one before it weighs every article and builds the inverted index.</summary>
    internal const int LazyAsks = 16;

    // Only the keys of the documents are kept, not their text: the index of a large archive stays small.
    private readonly string[] _keys;
    private readonly Func<int, IReadOnlyCollection<string>> _excluded;
    private readonly Dictionary<string, int> _positions;
    private readonly TermEntry[] _entries;
    // Each table id's number in input order, each number's table id, and each number's document count and idf.
    private readonly int[] _numberOf;
    private readonly int[] _idOf;
    private readonly int[] _df;
    private readonly float[] _idf;
    private readonly TermVector[] _vectors;
    private readonly bool[] _weighed;
    private readonly RelatedOptions _options;
    private readonly int _postingLimit;
    private readonly int _lazyAsks;
    private readonly double _lazyShare;
    private readonly ConcurrentBag<Scratch> _scratches = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<RelatedMatch>> _found = [];
    private InvertedIndex? _index;
    private int _asked;

    /// <summary>An index over <paramref name="entries"/>, whose term ids are those of one <see cref="TermTable"/> (below <paramref name="ids"/>).</summary>
    /// <param name="keys">Each document's key.</param>
    /// <param name="excluded">The keys never to return for the document at a position; asked only for the documents asked.</param>
    /// <param name="entries">Each document's term counts.</param>
    /// <param name="ids">How many term ids the entries may use.</param>
    /// <param name="options">How many related articles, and how similar.</param>
    /// <param name="lazyAsks">How many documents to answer lazily before weighing all; 0 weighs all at once.</param>
    /// <param name="lazyShare">
    /// How many articles, as a share of all, an asked article's terms may be in together for it to be answered lazily
    /// (see <see cref="PaysToBeLazy"/>); beyond, the index weighs all.
    /// </param>
    internal RelatedIndex(string[] keys, Func<int, IReadOnlyCollection<string>> excluded, TermEntry[] entries, int ids, RelatedOptions options,
        int lazyAsks = LazyAsks, double lazyShare = 1)
    {
        _lazyShare = lazyShare;
        _keys = keys;
        _excluded = excluded;
        _entries = entries;
        _options = options;
        _lazyAsks = lazyAsks;
        _postingLimit = RelatedArticleFinder.PostingLimit(keys.Length);
        _positions = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            _positions.TryAdd(keys[i], i);
        }

        // Terms are numbered in input order (document by document, each document's terms in the order they first
        // occur), so numbers (and so every sum and every tie at a vector's cut) are the same on every run, whichever
        // ids the table gave them.
        _numberOf = new int[ids];
        Array.Fill(_numberOf, -1);
        var idOf = new List<int>();
        var df = new List<int>();
        foreach (var entry in entries)
        {
            foreach (var id in entry.Terms)
            {
                if (_numberOf[id] < 0)
                {
                    _numberOf[id] = df.Count;
                    idOf.Add(id);
                    df.Add(0);
                }

                df[_numberOf[id]]++;
            }
        }

        _idOf = [.. idOf];
        _df = [.. df];
        _idf = [.. df.Select(f => (float)(Math.Log((entries.Length + 1.0) / (f + 1.0)) + 1.0))];
        _vectors = new TermVector[entries.Length];
        _weighed = new bool[entries.Length];
        if (lazyAsks <= 0)
        {
            WeighAll();
        }
    }

    /// <summary>How many articles the index holds.</summary>
    public int Count => _keys.Length;

    /// <summary>How many of them had their text read to make it (the others' terms came from a <see cref="TermTable"/>).</summary>
    public int TextsRead { get; init; }

    /// <summary>How many articles have been weighed so far (all, once the inverted index is built).</summary>
    internal int Weighed
    {
        get
        {
            lock (_gate)
            {
                return _weighed.Count(w => w);
            }
        }
    }

    /// <summary>The related articles of the article with <paramref name="key"/>, best first; <see langword="null"/> when the index does not hold it.</summary>
    public IReadOnlyList<RelatedMatch>? Find(string key) =>
        _positions.TryGetValue(key, out var position) ? Find(position) : null;

    /// <summary>The related articles of the article at <paramref name="position"/> in the indexed documents, best first.</summary>
    public IReadOnlyList<RelatedMatch> Find(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _keys.Length);
        var index = Volatile.Read(ref _index);
        if (index is null)
        {
            lock (_gate)
            {
                // A lazy answer is kept: an article asked again would cost another pass.
                if (_index is null && _found.TryGetValue(position, out var found))
                {
                    return found;
                }

                if (_index is null && ++_asked <= _lazyAsks && PaysToBeLazy(position))
                {
                    found = MatchLazily(position);
                    _found[position] = found;
                    return found;
                }

                if (_index is null)
                {
                    WeighAll();
                }

                index = _index!;
            }
        }

        var scratch = _scratches.TryTake(out var kept) ? kept : new Scratch(_keys.Length);
        try
        {
            return Match(position, index, scratch);
        }
        finally
        {
            _scratches.Add(scratch);
        }
    }

    /// <summary>
    /// Whether answering the article at <paramref name="position"/> lazily should cost less than weighing all: not
    /// when its vector's terms are in more articles, together, than <see cref="_lazyShare"/> times the index holds.
    /// Each of those is looked at, and looking at nearly every article costs more than weighing all (measured at
    /// 10,000 generated articles: 0.5 s more processor time in a whole run).
    /// </summary>
    private bool PaysToBeLazy(int position)
    {
        if (!_weighed[position])
        {
            Weigh([position]);
        }

        long met = 0;
        foreach (var term in _vectors[position].Terms)
        {
            met += _df[term];
        }

        return met <= _lazyShare * _entries.Length;
    }

    /// <summary>Weighs every article not weighed yet, and builds the inverted index over all.</summary>
    private void WeighAll()
    {
        Weigh([.. Enumerable.Range(0, _entries.Length).Where(d => !_weighed[d])]);
        Volatile.Write(ref _index, new InvertedIndex(_vectors, _idf.Length));
    }

    /// <summary>Weighs the given documents (not weighed yet), in parallel when there are many.</summary>
    private void Weigh(IReadOnlyList<int> documents)
    {
        if (documents.Count < 64)
        {
            var buffers = new WeighingBuffers();
            foreach (var d in documents)
            {
                Weigh(d, buffers);
            }

            return;
        }

        // Each thread sorts in buffers of its own: only the vectors are allocated, which keeps the collector out of the loop.
        Parallel.For(0, documents.Count, () => new WeighingBuffers(), (i, _, buffers) =>
        {
            Weigh(documents[i], buffers);
            return buffers;
        }, _ => { });
    }

    private void Weigh(int d, WeighingBuffers buffers)
    {
        var entry = _entries[d];
        var terms = buffers.Terms(entry.Terms.Length);
        var occurrences = buffers.Counts(entry.Terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = _numberOf[entry.Terms[i]];
        }

        entry.Counts.CopyTo(occurrences);
        terms.Sort(occurrences);
        _vectors[d] = TermVector.From(terms, occurrences, _idf, RelatedArticleFinder.VectorTerms, buffers);
        _weighed[d] = true;
    }

    private List<RelatedMatch> Match(int a, InvertedIndex index, Scratch scratch)
    {
        var vector = _vectors[a];
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            var (start, end) = index.Range(vector.Terms[i]);
            if (end - start > _postingLimit)
            {
                continue;
            }

            var weight = vector.Weights[i];
            for (var p = start; p < end; p++)
            {
                var b = index.Documents[p];
                if (b != a)
                {
                    scratch.Add(b, weight * index.Weights[p]);
                }
            }
        }

        return Best(a, scratch);
    }

    /// <summary>
    /// What <see cref="Match"/> finds, without the inverted index: one pass over the counts finds the documents that
    /// contain each of the asked vector's terms; those are weighed, and a term's postings are those of them whose
    /// vectors kept it, in document order as in the inverted index.
    /// </summary>
    /// <remarks>Asked only after <see cref="PaysToBeLazy"/>, which weighed the asked article.</remarks>
    private List<RelatedMatch> MatchLazily(int a)
    {
        var vector = _vectors[a];
        // Which of the vector's terms each table id is (counted from 1; 0 for none), for the one pass over the counts.
        var slots = new int[_numberOf.Length];
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            slots[_idOf[vector.Terms[i]]] = i + 1;
        }

        var containing = new List<int>[vector.Terms.Length];
        for (var i = 0; i < containing.Length; i++)
        {
            containing[i] = new List<int>(_df[vector.Terms[i]]);
        }

        for (var d = 0; d < _entries.Length; d++)
        {
            foreach (var id in _entries[d].Terms)
            {
                if (slots[id] > 0)
                {
                    containing[slots[id] - 1].Add(d);
                }
            }
        }

        // The documents whose vectors keep each term, told without weighing them: a term in more documents than the
        // limit may still be kept by few enough of their vectors. Only the documents of the terms within the limit are weighed.
        var postings = new List<int>?[vector.Terms.Length];
        var toWeigh = new HashSet<int>();
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            var kept = new List<int>();
            foreach (var d in containing[i])
            {
                if (Keeps(d, vector.Terms[i]))
                {
                    kept.Add(d);
                    if (kept.Count > _postingLimit)
                    {
                        break;
                    }
                }
            }

            if (kept.Count <= _postingLimit)
            {
                postings[i] = kept;
                toWeigh.UnionWith(kept.Where(d => !_weighed[d]));
            }
        }

        Weigh([.. toWeigh]);
        var scratch = _scratches.TryTake(out var held) ? held : new Scratch(_keys.Length);
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            if (postings[i] is not { } kept)
            {
                continue;
            }

            var (term, weight) = (vector.Terms[i], vector.Weights[i]);
            foreach (var b in kept)
            {
                if (b != a)
                {
                    var other = _vectors[b];
                    scratch.Add(b, weight * other.Weights[Array.BinarySearch(other.Terms, term)]);
                }
            }
        }

        var matches = Best(a, scratch);
        _scratches.Add(scratch);
        return matches;
    }

    /// <summary>
    /// Whether the vector of the document at <paramref name="d"/> keeps the term numbered <paramref name="term"/> (which
    /// it contains): whether fewer than <see cref="RelatedArticleFinder.VectorTerms"/> of its terms come before it, by
    /// weight and then by number, as <see cref="TermVector.From"/> cuts. Weighs no vector.
    /// </summary>
    private bool Keeps(int d, int term)
    {
        if (_weighed[d])
        {
            return Array.BinarySearch(_vectors[d].Terms, term) >= 0;
        }

        var entry = _entries[d];
        if (entry.Terms.Length <= RelatedArticleFinder.VectorTerms)
        {
            return true;
        }

        var at = Array.IndexOf(entry.Terms, _idOf[term]);
        var weight = TermVector.Weight(entry.Counts[at], _idf[term]);
        var before = 0;
        for (var k = 0; k < entry.Terms.Length; k++)
        {
            var other = _numberOf[entry.Terms[k]];
            var otherWeight = TermVector.Weight(entry.Counts[k], _idf[other]);
            if ((otherWeight > weight || (otherWeight == weight && other < term)) && ++before >= RelatedArticleFinder.VectorTerms)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The best candidates by partial score (ties to the earlier document), scored exactly, without the excluded.</summary>
    private List<RelatedMatch> Best(int a, Scratch scratch)
    {
        var best = scratch.Best;
        foreach (var b in scratch.Touched)
        {
            var priority = (scratch.Scores[b], -b);
            if (best.Count < RelatedArticleFinder.CandidateLimit)
            {
                best.Enqueue(b, priority);
            }
            else if (best.TryPeek(out _, out var lowest) && priority.CompareTo(lowest) > 0)
            {
                best.EnqueueDequeue(b, priority);
            }

            scratch.Scores[b] = 0;
        }

        scratch.Touched.Clear();
        var candidates = new List<int>(best.Count);
        while (best.TryDequeue(out var b, out _))
        {
            candidates.Add(b);
        }

        var vector = _vectors[a];
        var excluded = _excluded(a).Select(key => _positions.GetValueOrDefault(key, -1)).ToHashSet();
        return candidates
            .Where(b => !excluded.Contains(b))
            .Select(b => (Index: b, Score: TermVector.Dot(vector, _vectors[b])))
            .Where(m => m.Score >= _options.MinScore)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => _keys[m.Index], StringComparer.Ordinal)
            .Take(_options.Count)
            .Select(m => new RelatedMatch(_keys[m.Index], Math.Round(m.Score, 6)))
            .ToList();
    }

    private sealed class Scratch(int documents)
    {
        public float[] Scores { get; } = new float[documents];

        public List<int> Touched { get; } = new(1024);

        public PriorityQueue<int, (float Score, int Order)> Best { get; } = new(RelatedArticleFinder.CandidateLimit + 1);

        public void Add(int document, float score)
        {
            if (Scores[document] == 0)
            {
                Touched.Add(document);
            }

            Scores[document] += score;
        }
    }
}
