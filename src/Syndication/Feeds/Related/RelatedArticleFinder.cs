using System.Collections.Concurrent;

namespace Syndication.Feeds.Related;

/// <summary>
/// Finds, for every article, the articles most similar to it across all feeds: TF-IDF term vectors compared by
/// cosine similarity, through an inverted index rather than all pairs.
/// </summary>
/// <remarks>
/// <para>Each article becomes a vector of its terms (<see cref="TermTokenizer"/>; title terms count twice),
/// weighted (1 + ln tf) · idf with idf = ln((N + 1) / (df + 1)) + 1, cut to its <see cref="VectorTerms"/> heaviest
/// terms (which keeps memory flat and drops the long tail that says little), and scaled to unit length. The score of
/// two articles is the dot product of their vectors: their cosine similarity.</para>
/// <para>Candidates come from an inverted index over those vectors: an article meets only the articles that share
/// one of its terms. Terms shared by more than <see cref="PostingLimit"/> articles say too little to find
/// candidates with and would make the work quadratic; they still count in the score of the candidates found.
/// The best <see cref="CandidateLimit"/> candidates by partial score are scored exactly.</para>
/// <para>The result is deterministic: term ids follow the order of the input, each article's sums run in one
/// order, and equal scores are broken by key.</para>
/// </remarks>
internal sealed class RelatedArticleFinder(RelatedOptions options)
{
    /// <summary>How many terms each article's vector keeps.</summary>
    public const int VectorTerms = 96;

    /// <summary>How many candidates per article are scored exactly.</summary>
    public const int CandidateLimit = 64;

    /// <summary>The longest posting list used to find candidates (see remarks).</summary>
    public static int PostingLimit(int documents) => Math.Max(500, documents / 100);

    /// <summary>The related articles of each document, in the order of <paramref name="documents"/>: best first, at most <see cref="RelatedOptions.Count"/>.</summary>
    public IReadOnlyList<IReadOnlyList<RelatedMatch>> Find(IReadOnlyList<RelatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (options.Count <= 0 || documents.Count < 2)
        {
            return [.. documents.Select(_ => (IReadOnlyList<RelatedMatch>)[])];
        }

        var index = Index(documents);
        var results = new IReadOnlyList<RelatedMatch>[documents.Count];
        Parallel.For(0, documents.Count, a => results[a] = index.Find(a));
        return results;
    }

    /// <summary>Weighs and indexes <paramref name="documents"/>, to find the related articles of some of them with <see cref="RelatedIndex.Find(string)"/>.</summary>
    /// <param name="documents">The documents; each is read once, so a list that makes them as asked holds no text for long.</param>
    public RelatedIndex Index(IReadOnlyList<RelatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var keys = new string[documents.Count];
        var excluded = new IReadOnlyCollection<string>[documents.Count];
        var (counts, df) = CountTerms(documents, keys, excluded);
        return new RelatedIndex(keys, excluded, Weigh(counts, df, documents.Count), df.Count, options);
    }

    /// <summary>
    /// Tokenises every document, in parallel, then numbers the terms in input order (document by document, each
    /// document's terms in the order they first occur), so term ids (and so every sum) are the same on every run.
    /// </summary>
    private static (TermCounts[] Counts, List<int> DocumentFrequency) CountTerms(IReadOnlyList<RelatedDocument> documents, string[] keys,
        IReadOnlyCollection<string>[] excluded)
    {
        // Provisional ids come in whatever order the threads meet the terms; only the final numbering below is kept.
        var provisional = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var lookup = provisional.GetAlternateLookup<ReadOnlySpan<char>>();
        var distinct = new (int[] Terms, int[] Counts)[documents.Count];
        var next = new ProvisionalIds();
        Parallel.For(0, documents.Count, () => new DocumentTerms(), (d, _, terms) =>
        {
            void Add(ReadOnlySpan<char> term)
            {
                if (!lookup.TryGetValue(term, out var id))
                {
                    var text = term.ToString();
                    // A racing thread may draw an id for the same term that is then dropped: ids may have gaps.
                    id = provisional.GetOrAdd(text, static (_, ids) => Interlocked.Increment(ref ids.Next) - 1, next);
                }

                terms.Add(id);
            }

            var document = documents[d];
            keys[d] = document.Key;
            excluded[d] = document.Excluded;
            TermTokenizer.Tokenize(document.Title, Add);
            TermTokenizer.Tokenize(document.Title, Add);
            TermTokenizer.Tokenize(document.Text, Add);
            distinct[d] = terms.Take();
            return terms;
        }, _ => { });

        var final = new int[next.Next];
        Array.Fill(final, -1);
        var df = new List<int>();
        var counts = new TermCounts[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var (terms, occurrences) = distinct[d];
            var ids = new int[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                if (final[terms[i]] < 0)
                {
                    final[terms[i]] = df.Count;
                    df.Add(0);
                }

                ids[i] = final[terms[i]];
                df[ids[i]]++;
            }

            Array.Sort(ids, occurrences);
            counts[d] = new TermCounts(ids, occurrences);
        }

        return (counts, df);
    }

    private static TermVector[] Weigh(TermCounts[] counts, List<int> df, int documents)
    {
        var idf = df.Select(f => (float)(Math.Log((documents + 1.0) / (f + 1.0)) + 1.0)).ToArray();
        var vectors = new TermVector[counts.Length];
        Parallel.For(0, counts.Length, d =>
        {
            vectors[d] = TermVector.From(counts[d], idf, VectorTerms);
            counts[d] = default;
        });
        return vectors;
    }

    /// <summary>The counter provisional term ids are drawn from.</summary>
    private sealed class ProvisionalIds
    {
        public int Next;
    }

    /// <summary>One thread's scratch for a document's distinct terms, in order of first occurrence, with their counts.</summary>
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

        public (int[] Terms, int[] Counts) Take()
        {
            (int[], int[]) taken = ([.. _terms], [.. _counts]);
            _positions.Clear();
            _terms.Clear();
            _counts.Clear();
            return taken;
        }
    }
}
