namespace Syndication.Feeds.Related;

/// <summary>How often each term occurs in one document: term ids ascending, with their counts.</summary>
internal readonly record struct TermCounts(int[] Terms, int[] Counts)
{
    public static TermCounts From(Span<int> ids)
    {
        ids.Sort();
        var terms = new List<int>(ids.Length / 2);
        var counts = new List<int>(ids.Length / 2);
        for (var i = 0; i < ids.Length;)
        {
            var j = i;
            while (j < ids.Length && ids[j] == ids[i])
            {
                j++;
            }

            terms.Add(ids[i]);
            counts.Add(j - i);
            i = j;
        }

        return new TermCounts([.. terms], [.. counts]);
    }
}
