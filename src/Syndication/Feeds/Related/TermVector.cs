namespace Syndication.Feeds.Related;

/// <summary>A document's unit-length TF-IDF vector over its heaviest terms, term ids ascending.</summary>
internal readonly record struct TermVector(int[] Terms, float[] Weights)
{
    /// <summary>The vector of a document's term counts, its terms' ids ascending, working in <paramref name="buffers"/> (not those holding <paramref name="terms"/> or <paramref name="counts"/>' own: only the weights and keys are taken from it).</summary>
    public static TermVector From(ReadOnlySpan<int> terms, ReadOnlySpan<int> counts, float[] idf, int maxTerms, WeighingBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(idf);
        ArgumentNullException.ThrowIfNull(buffers);
        var length = terms.Length;
        var weights = buffers.Weights(length);
        var keys = buffers.Keys(length);
        for (var i = 0; i < length; i++)
        {
            weights[i] = Weight(counts[i], idf[terms[i]]);
        }

        var kept = Math.Min(length, maxTerms);
        var keptTerms = new int[kept];
        var keptWeights = new float[kept];
        if (length > maxTerms)
        {
            // The heaviest terms; ties go to the lower term id, which is the same on every run. One key per term sorts
            // by both at once: a weight is positive, so its bits order as it does, complemented for heaviest first.
            for (var i = 0; i < length; i++)
            {
                keys[i] = ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(weights[i])) << 32) | (uint)i;
            }

            keys.Sort();
            // Positions follow term ids, which ascend in the counts.
            Span<int> positions = maxTerms <= 256 ? stackalloc int[maxTerms] : new int[maxTerms];
            for (var k = 0; k < maxTerms; k++)
            {
                positions[k] = (int)(uint)keys[k];
            }

            positions.Sort();
            for (var k = 0; k < maxTerms; k++)
            {
                var position = positions[k];
                keptTerms[k] = terms[position];
                keptWeights[k] = weights[position];
            }
        }
        else
        {
            terms.CopyTo(keptTerms);
            weights.CopyTo(keptWeights);
        }

        double norm = 0;
        foreach (var weight in keptWeights)
        {
            norm += (double)weight * weight;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < keptWeights.Length; i++)
        {
            keptWeights[i] *= scale;
        }

        return new TermVector(keptTerms, keptWeights);
    }

    /// <summary>The weight of a term that occurs <paramref name="count"/> times in a document, before the vector is scaled to unit length: (1 + ln tf) · idf.</summary>
    public static float Weight(int count, float idf) => (count < Frequencies.Length ? Frequencies[count] : (float)(1 + Math.Log(count))) * idf;

    // 1 + ln tf of the counts most terms have, worked out once.
    private static readonly float[] Frequencies = [.. Enumerable.Range(0, 64).Select(count => (float)(1 + Math.Log(count)))];

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
