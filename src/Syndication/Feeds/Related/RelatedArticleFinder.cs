using System.Runtime.InteropServices;

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
public sealed class RelatedArticleFinder(RelatedOptions options)
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
    public RelatedIndex Index(IReadOnlyList<RelatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var (counts, df) = CountTerms(documents);
        return new RelatedIndex(documents, Weigh(counts, df, documents.Count), df.Count, options);
    }

    /// <summary>Tokenises every document in input order, so term ids (and so every sum) are the same on every run.</summary>
    private static (TermCounts[] Counts, List<int> DocumentFrequency) CountTerms(IReadOnlyList<RelatedDocument> documents)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var df = new List<int>();
        var counts = new TermCounts[documents.Count];
        var ids = new List<int>(1024);
        for (var d = 0; d < documents.Count; d++)
        {
            ids.Clear();
            void Add(ReadOnlySpan<char> term)
            {
                if (!lookup.TryGetValue(term, out var id))
                {
                    id = vocabulary.Count;
                    lookup[term] = id;
                    df.Add(0);
                }

                ids.Add(id);
            }

            TermTokenizer.Tokenize(documents[d].Title, Add);
            TermTokenizer.Tokenize(documents[d].Title, Add);
            TermTokenizer.Tokenize(documents[d].Text, Add);
            counts[d] = TermCounts.From(CollectionsMarshal.AsSpan(ids));
            foreach (var id in counts[d].Terms)
            {
                df[id]++;
            }
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
}
