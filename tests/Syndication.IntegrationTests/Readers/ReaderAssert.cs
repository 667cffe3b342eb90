namespace Syndication.Tests.Readers;

/// <summary>Assertions over every article of <see cref="HostileFeed"/> that report each article a reader shows wrongly, not only the first.</summary>
internal static class ReaderAssert
{
    public static void ForEachArticle(Action<HostileArticle> check, Func<HostileArticle, bool>? where = null) =>
        Assert.Multiple([.. HostileFeed.Articles.Where(where ?? (_ => true)).Select(article => (Action)(() => check(article)))]);

    /// <summary>Compares what each article should show with what the reader shows, reporting both in full with the article's id.</summary>
    public static void ForEachArticle<T>(Func<HostileArticle, T> expected, Func<HostileArticle, T> shown, Func<HostileArticle, bool>? where = null) =>
        ForEachArticle(
            article =>
            {
                var (want, got) = (expected(article), shown(article));
                Assert.True(EqualityComparer<T>.Default.Equals(want, got), $"{article.Id}\nExpected: {want}\nShown:    {got}");
            },
            where);

    /// <summary>A list as one line, so that a failure shows the whole list the reader showed.</summary>
    public static string Joined(IEnumerable<string?> values) => string.Join(" | ", values);
}
