using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>Records in a <see cref="FeedState"/> what this run sees: new articles, changed articles.</summary>
public static class FeedStateUpdater
{
    /// <summary>
    /// Brings <paramref name="state"/> up to date with <paramref name="articles"/> at <paramref name="now"/>, and says
    /// whether anything changed (so a run that sees nothing new writes nothing).
    /// </summary>
    /// <remarks>
    /// New articles get distinct first-seen times, one second apart in file-name order (the last file is the newest),
    /// and never equal to a time already given: readers sort by these dates and validators warn when two entries
    /// share one.
    /// </remarks>
    public static bool Apply(FeedState state, IReadOnlyList<Article> articles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(articles);
        now = TruncateToSeconds(now);
        var changed = false;
        if (state.Created == default)
        {
            state.Created = now;
            changed = true;
        }

        var used = state.Articles.Values.Select(a => a.FirstSeen).ToHashSet();
        var candidate = now;
        foreach (var article in articles.Where(a => !state.Articles.ContainsKey(a.FileName)).OrderByDescending(a => a.FileName, StringComparer.Ordinal))
        {
            while (!used.Add(candidate))
            {
                candidate = candidate.AddSeconds(-1);
            }

            state.Articles[article.FileName] = new ArticleState { FirstSeen = candidate, ContentHash = article.ContentHash };
            changed = true;
        }

        foreach (var article in articles)
        {
            var known = state.Articles[article.FileName];
            if (known.ContentHash != article.ContentHash)
            {
                known.ContentHash = article.ContentHash;
                known.ChangedAt = now;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Feed dates have whole seconds: RFC 822 dates cannot say more, and both formats must agree.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset).ToUniversalTime();
}
