namespace Syndication.Tests.Articles;

/// <summary>Every line made of up to a number of pieces: the inputs of the exhaustive tests that hold a one-pass line rule to its old expression.</summary>
internal static class EveryLine
{
    /// <summary>Each sequence of 0 to <paramref name="most"/> of <paramref name="pieces"/> (repeats allowed), joined.</summary>
    public static IEnumerable<string> Of(IReadOnlyList<string> pieces, int most)
    {
        for (var length = 0; length <= most; length++)
        {
            var count = (long)Math.Pow(pieces.Count, length);
            for (var n = 0L; n < count; n++)
            {
                var parts = new string[length];
                var rest = n;
                for (var i = 0; i < length; i++, rest /= pieces.Count)
                {
                    parts[i] = pieces[(int)(rest % pieces.Count)];
                }

                yield return string.Concat(parts);
            }
        }
    }
}
