namespace Syndication.Feeds.Related;

/// <summary>One thread's working arrays for weighing documents (see <see cref="TermVector"/>), grown as needed and reused.</summary>
internal sealed class WeighingBuffers
{
    private int[] _terms = [];
    private int[] _counts = [];
    private float[] _weights = [];
    private ulong[] _keys = [];

    /// <summary>Room for a document's <paramref name="length"/> term ids.</summary>
    public Span<int> Terms(int length) => Grown(ref _terms, length);

    /// <summary>Room for a document's <paramref name="length"/> term counts.</summary>
    public Span<int> Counts(int length) => Grown(ref _counts, length);

    /// <summary>Room for <paramref name="length"/> weights.</summary>
    public Span<float> Weights(int length) => Grown(ref _weights, length);

    /// <summary>Room for <paramref name="length"/> sort keys.</summary>
    public Span<ulong> Keys(int length) => Grown(ref _keys, length);

    private static Span<T> Grown<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 256)];
        }

        return buffer.AsSpan(0, length);
    }
}
