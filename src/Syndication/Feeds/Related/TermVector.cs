namespace Syndication.Feeds.Related;

/// <summary>A document's unit-length TF-IDF vector over its heaviest terms, term ids ascending.</summary>
internal readonly record struct TermVector(int[] Terms, float[] Weights)
{
    public static TermVector From(TermCounts counts, float[] idf, int maxTerms)
    {
        var weighted = new (int Term, float Weight)[counts.Terms.Length];
        for (var i = 0; i < weighted.Length; i++)
        {
            var term = counts.Terms[i];
            weighted[i] = (term, (float)(1 + Math.Log(counts.Counts[i])) * idf[term]);
        }

        // The heaviest terms; ties go to the lower term id, which is the same on every run.
        Array.Sort(weighted, (x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Term.CompareTo(y.Term));
        var kept = weighted.AsSpan(0, Math.Min(maxTerms, weighted.Length));
        kept.Sort((x, y) => x.Term.CompareTo(y.Term));

        double norm = 0;
        foreach (var (_, weight) in kept)
        {
            norm += (double)weight * weight;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        var terms = new int[kept.Length];
        var weights = new float[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            terms[i] = kept[i].Term;
            weights[i] = kept[i].Weight * scale;
        }

        return new TermVector(terms, weights);
    }

    /// <summary>The dot product of two vectors (their cosine similarity, since both have unit length).</summary>
    public static double Dot(TermVector a, TermVector b)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            var difference = a.Terms[i] - b.Terms[j];
            if (difference == 0)
            {
                sum += (double)a.Weights[i++] * b.Weights[j++];
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
