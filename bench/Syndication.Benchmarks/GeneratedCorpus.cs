using System.Globalization;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>generate N DIR [--feeds F]</c>: a feeds folder of N generated articles spread over F feeds, the same on every
/// machine. Articles are dealt out in publication order, one per feed in turn, so every feed spans the whole archive
/// and the newest article lands in feed <c>(N - 1) mod F</c>. They are written as they are made, one file at a time,
/// so a million articles need no more memory than one.
/// </summary>
internal static class GeneratedCorpus
{
    // The last day an article may be dated: the corpus must hold no article dated in the future (those are held back).
    private static readonly DateTimeOffset Latest = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int MinutesApart = 7;

    /// <summary>The name of feed <paramref name="feed"/> of <paramref name="feeds"/>: <c>news</c> alone, else <c>feed000</c> on.</summary>
    public static string FeedName(int feed, int feeds) =>
        feeds == 1 ? "news" : "feed" + feed.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(3, (feeds - 1).ToString(CultureInfo.InvariantCulture).Length), '0');

    /// <summary>
    /// How far apart articles are dated: 7 minutes (10,000 articles span 49 days), closer when that would date the
    /// last ones after <see cref="Latest"/>.
    /// </summary>
    public static int MinutesBetween(int articles) =>
        Math.Clamp((int)((Latest - First).TotalMinutes / Math.Max(articles, 1)), 1, MinutesApart);

    /// <summary>Writes the corpus into <paramref name="folder"/>: <c>news/</c> for one feed (as <c>publish N</c> writes it), <c>feed000/</c> on for several.</summary>
    /// <returns>The folders of the feeds, in order.</returns>
    public static string[] Generate(int articles, string folder, int feeds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articles);
        ArgumentOutOfRangeException.ThrowIfLessThan(feeds, 1);
        var folders = new string[feeds];
        for (var f = 0; f < feeds; f++)
        {
            var name = FeedName(f, feeds);
            folders[f] = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
            PublishBench.WriteFeedJson(folders[f], name);
        }

        var generator = new ArticleGenerator(minutesApart: MinutesBetween(articles));
        // Within each feed, every third article reads "Read also" the feed's article before it, as one feed always did.
        var previous = new string?[feeds];
        for (var i = 0; i < articles; i++)
        {
            var f = i % feeds;
            var article = generator.Next(i);
            File.WriteAllText(Path.Combine(folders[f], article.FileName), article.ToMarkdown(i / feeds % 3 == 0 ? previous[f] : null));
            previous[f] = article.Title;
        }

        return folders;
    }
}
