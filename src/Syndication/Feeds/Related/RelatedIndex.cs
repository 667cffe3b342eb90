using System.Collections.Concurrent;

namespace Syndication.Feeds.Related;

/// <summary>
/// The weighed vectors and inverted index of a set of articles (see <see cref="RelatedArticleFinder"/>), from which
/// the related articles of any one of them are found on demand.
/// </summary>
/// <remarks>
/// Most runs need the related articles of a few new articles only; building the index is the part every article
/// pays for, and matching is paid per article asked. An article's matches are the same whether it is asked alone or
/// with all the others.
/// </remarks>
internal sealed class RelatedIndex
{
    // Only the keys and exclusions of the documents are kept, not their text: the index of a large archive stays small.
    private readonly string[] _keys;
    private readonly IReadOnlyCollection<string>[] _excluded;
    private readonly Dictionary<string, int> _positions;
    private readonly TermVector[] _vectors;
    private readonly InvertedIndex _index;
    private readonly RelatedOptions _options;
    private readonly int _postingLimit;
    private readonly ConcurrentBag<Scratch> _scratches = [];

    internal RelatedIndex(string[] keys, IReadOnlyCollection<string>[] excluded, TermVector[] vectors, int terms, RelatedOptions options)
    {
        _keys = keys;
        _excluded = excluded;
        _vectors = vectors;
        _index = new InvertedIndex(vectors, terms);
        _options = options;
        _postingLimit = RelatedArticleFinder.PostingLimit(keys.Length);
        _positions = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            _positions.TryAdd(keys[i], i);
        }
    }

    /// <summary>How many articles the index holds.</summary>
    public int Count => _keys.Length;

    /// <summary>How many of them had their text read to make it (the others' terms came from a <see cref="TermTable"/>).</summary>
    public int TextsRead { get; init; }

    /// <summary>The related articles of the article with <paramref name="key"/>, best first; <see langword="null"/> when the index does not hold it.</summary>
    public IReadOnlyList<RelatedMatch>? Find(string key) =>
        _positions.TryGetValue(key, out var position) ? Find(position) : null;

    /// <summary>The related articles of the article at <paramref name="position"/> in the indexed documents, best first.</summary>
    public IReadOnlyList<RelatedMatch> Find(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _keys.Length);
        var scratch = _scratches.TryTake(out var kept) ? kept : new Scratch(_keys.Length);
        try
        {
            return Match(position, scratch);
        }
        finally
        {
            _scratches.Add(scratch);
        }
    }

    private List<RelatedMatch> Match(int a, Scratch scratch)
    {
        var vector = _vectors[a];
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            var (start, end) = _index.Range(vector.Terms[i]);
            if (end - start > _postingLimit)
            {
                continue;
            }

            var weight = vector.Weights[i];
            for (var p = start; p < end; p++)
            {
                var b = _index.Documents[p];
                if (b == a)
                {
                    continue;
                }

                if (scratch.Scores[b] == 0)
                {
                    scratch.Touched.Add(b);
                }

                scratch.Scores[b] += weight * _index.Weights[p];
            }
        }

        // The best candidates by partial score (ties to the earlier document), kept in a bounded min-heap.
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

        var excluded = _excluded[a].Select(key => _positions.GetValueOrDefault(key, -1)).ToHashSet();
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
    }
}
