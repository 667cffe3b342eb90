namespace Syndication.Feeds.Related;

/// <summary>For each term, the documents whose vectors contain it, with their weights (compressed sparse rows, in document order).</summary>
internal sealed class InvertedIndex
{
    private readonly int[] _offsets;

    public InvertedIndex(TermVector[] vectors, int terms)
    {
        _offsets = new int[terms + 1];
        foreach (var vector in vectors)
        {
            foreach (var term in vector.Terms)
            {
                _offsets[term + 1]++;
            }
        }

        for (var t = 0; t < terms; t++)
        {
            _offsets[t + 1] += _offsets[t];
        }

        Documents = new int[_offsets[terms]];
        Weights = new float[_offsets[terms]];
        var next = _offsets[..terms];
        for (var d = 0; d < vectors.Length; d++)
        {
            var vector = vectors[d];
            for (var i = 0; i < vector.Terms.Length; i++)
            {
                var slot = next[vector.Terms[i]]++;
                Documents[slot] = d;
                Weights[slot] = vector.Weights[i];
            }
        }
    }

    public int[] Documents { get; }

    public float[] Weights { get; }

    public (int Start, int End) Range(int term) => (_offsets[term], _offsets[term + 1]);
}
