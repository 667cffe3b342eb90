using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>Records in a <see cref="FeedState"/> what this run sees: new articles, changed articles.</summary>
internal static class FeedStateUpdater
{
    /// <summary>
    /// Brings <paramref name="state"/> up to date with <paramref name="articles"/> at <paramref name="now"/>, and says
    /// whether anything changed (so a run that sees nothing new writes nothing).
    /// </summary>
    /// <remarks>
    /// New articles without a date get distinct first-seen times, one second apart in file-name order (the last file
    /// is the newest, at now when there is room), never equal to the date of another article of the feed (readers
    /// sort by these dates, and validators warn when two entries share one) and never before the newest article
    /// already published: a batch added soon after another follows it, though that may take it a few seconds past
    /// now, rather than going back into archive pages that were full. Articles with a date are simply recorded as
    /// seen now.
    /// </remarks>
    /// <param name="state">The feed's state, changed in place.</param>
    /// <param name="articles">The feed's articles in this run.</param>
    /// <param name="now">The time of this run.</param>
    /// <param name="computedRelated">
    /// The related articles computed in this run, by file name, for the articles <see cref="NeedingRelated"/> names;
    /// recorded for those, and the ones recorded earlier kept for the others.
    /// </param>
    public static bool Apply(FeedState state, IReadOnlyList<Article> articles, DateTimeOffset now, IReadOnlyDictionary<string, IReadOnlyList<string>>? computedRelated = null)
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

        // Dates already shown for the articles of this run, and those the new dated articles bring: an undated
        // newcomer never gets one of them, nor one before the newest article already published.
        var shown = articles.Where(a => state.Articles.ContainsKey(a.FileName))
            .Select(a => a.Published?.ToUniversalTime() ?? state.Articles[a.FileName].FirstSeen)
            .ToList();
        var newcomers = articles.Where(a => !state.Articles.ContainsKey(a.FileName)).OrderBy(a => a.FileName, StringComparer.Ordinal).ToList();
        var used = shown.Concat(newcomers.Where(a => a.Published is not null).Select(a => TruncateToSeconds(a.Published!.Value))).ToHashSet();
        var undated = newcomers.Count(a => a.Published is null);
        // The last undated file is the newest and gets now when there is room, the others a second apart before it;
        // after a batch dated up to now, or by another publisher with a clock ahead, they follow the newest instead.
        var candidate = now.AddSeconds(-(undated - 1));
        if (shown.Count > 0 && shown.Max() is var newest && candidate <= newest)
        {
            candidate = TruncateToSeconds(newest).AddSeconds(1);
        }

        foreach (var article in newcomers)
        {
            var firstSeen = now;
            if (article.Published is null)
            {
                while (!used.Add(candidate))
                {
                    candidate = candidate.AddSeconds(1);
                }

                firstSeen = candidate;
            }

            state.Articles[article.FileName] = new ArticleState { FirstSeen = firstSeen, ContentHash = article.ContentHash };
            changed = true;
        }

        var present = articles.Select(a => a.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var (fileName, known) in state.Articles)
        {
            if (known.Removed == present.Contains(fileName))
            {
                known.Removed = !known.Removed;
                changed = true;
            }
        }

        foreach (var article in articles)
        {
            var known = state.Articles[article.FileName];
            var edited = known.ContentHash != article.ContentHash;
            if (edited)
            {
                known.ContentHash = article.ContentHash;
                known.ChangedAt = now;
                changed = true;
            }

            if ((edited || known.Related is null) && computedRelated is not null && computedRelated.TryGetValue(article.FileName, out var related)
                && (known.Related is null || !known.Related.SequenceEqual(related, StringComparer.Ordinal)))
            {
                known.Related = [.. related];
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// The articles whose related articles <see cref="Apply"/> records: those that are new, changed since
    /// <paramref name="state"/>, or have none recorded yet. A full archive page never changes because newer articles
    /// appeared, since the others keep what was recorded when they were published.
    /// </summary>
    public static IEnumerable<Article> NeedingRelated(FeedState state, IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(articles);
        return articles.Where(a => !state.Articles.TryGetValue(a.FileName, out var known) || known.ContentHash != a.ContentHash || known.Related is null);
    }

    /// <summary>The files published at the last run that are not among <paramref name="articles"/>: what this run would remove.</summary>
    public static IReadOnlyList<string> Removals(FeedState state, IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(articles);
        var present = articles.Select(a => a.FileName).ToHashSet(StringComparer.Ordinal);
        return [.. state.Articles.Where(p => !p.Value.Removed && !present.Contains(p.Key)).Select(p => p.Key)];
    }

    /// <summary>Feed dates have whole seconds: RFC 822 dates cannot say more, and both formats must agree.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset).ToUniversalTime();
}
