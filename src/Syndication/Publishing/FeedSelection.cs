namespace Syndication.Publishing;

/// <summary>
/// The feeds a run publishes when <see cref="SyndicationOptions.OnlyFeeds"/> names some: folder feeds by their
/// folder's name, derived feeds by their path (<c>tags/ukraine</c>, <c>all</c>).
/// </summary>
internal sealed class FeedSelection
{
    // An error naming thousands of derived feeds would bury the name that was wrong.
    private const int NamesShown = 30;

    private readonly IReadOnlyList<string> _names;

    private FeedSelection(IReadOnlyList<string> names) => _names = names;

    /// <summary>The selection of <paramref name="names"/>, or <see langword="null"/> when there are none: every feed is published.</summary>
    public static FeedSelection? Of(IEnumerable<string> names)
    {
        List<string> named = [.. names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal)];
        return named.Count == 0 ? null : new FeedSelection(named);
    }

    /// <summary>Whether <paramref name="feed"/> is published.</summary>
    public bool Includes(string feed) => _names.Contains(feed, StringComparer.Ordinal);

    /// <summary>
    /// A failed result for each selected name that none of the <paramref name="known"/> feeds has, naming the feeds
    /// there are (in the order given: folder feeds first, which are few); empty when every name is known. A failed
    /// result fails the run (exit code 1).
    /// </summary>
    public IReadOnlyList<FeedPublishResult> Unknown(IReadOnlyCollection<string> known)
    {
        var missing = _names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var names = known.Distinct(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : string.Empty);
        var feeds = names.Count == 0 ? "there is no feed" : $"the feeds are {listed}";
        return [.. missing.Select(n => new FeedPublishResult(n, 0, [], 0, 0, $"no feed is named '{n}' (Syndication:OnlyFeeds, --feed); {feeds}; nothing was published"))];
    }
}
