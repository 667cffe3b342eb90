namespace Syndication.Feeds.Related;

/// <summary>A document's unit-length TF-IDF vector over its heaviest terms, term ids ascending.</summary>
internal readonly record struct TermVector(int[] Terms, float[] Weights)
{
    public static TermVector From(TermCounts counts, float[] idf, int maxTerms)
    {
        var length = counts.Terms.Length;
        var weights = new float[length];
        for (var i = 0; i < length; i++)
        {
            weights[i] = (float)(1 + Math.Log(counts.Counts[i])) * idf[counts.Terms[i]];
        }

        var terms = counts.Terms;
        if (length > maxTerms)
        {
            // The heaviest terms; ties go to the lower term id, which is the same on every run. One key per term sorts
            // by both at once: a weight is positive, so its bits order as it does, complemented for heaviest first.
            var keys = new ulong[length];
            for (var i = 0; i < length; i++)
            {
                keys[i] = ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(weights[i])) << 32) | (uint)i;
            }

            Array.Sort(keys);
            var positions = new int[maxTerms];
            for (var k = 0; k < maxTerms; k++)
            {
                positions[k] = (int)(uint)keys[k];
            }

            // Positions follow term ids, which ascend in the counts.
            Array.Sort(positions);
            terms = new int[maxTerms];
            var keptWeights = new float[maxTerms];
            for (var k = 0; k < maxTerms; k++)
            {
                terms[k] = counts.Terms[positions[k]];
                keptWeights[k] = weights[positions[k]];
            }

            weights = keptWeights;
        }

        double norm = 0;
        foreach (var weight in weights)
        {
            norm += (double)weight * weight;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
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
