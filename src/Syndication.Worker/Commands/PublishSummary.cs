using Syndication.Articles;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// What <c>publish</c> prints when it is done: each published feed and its URLs on standard output, once; each feed
/// not published and each skipped file on standard error.
/// </summary>
public static class PublishSummary
{
    // The feed definition file of every feed folder.
    private const string DefinitionFileName = "feed.json";

    /// <summary>
    /// The feeds that were not published, with the reason: those that failed, and those skipped before publishing
    /// because their <c>feed.json</c> or their folder name is wrong (known only from the report's diagnostics).
    /// </summary>
    public static IReadOnlyList<(string Feed, string Reason)> NotPublished(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failed = report.Feeds.Where(f => !f.Succeeded).Select(f => (f.Feed, Reason: f.Error ?? "failed")).ToList();
        var known = report.Feeds.Select(f => f.Feed).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in BrokenDefinitions(report))
        {
            var feed = FeedOf(diagnostic);
            if (known.Add(feed))
            {
                failed.Add((feed, diagnostic.ToString()));
            }
        }

        return failed;
    }

    /// <summary>
    /// The errors of each <c>feed.json</c> (or feed folder name) that cannot be read: whether its feed was skipped or
    /// published from its last good definition, the run failed, since the file is not what it says.
    /// </summary>
    public static IReadOnlyList<SourceDiagnostic> BrokenDefinitions(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
            && string.Equals(Path.GetFileName(d.File), DefinitionFileName, StringComparison.Ordinal)
            && FeedOf(d).Length > 0)];
    }

    /// <summary>Writes the summary of <paramref name="report"/>.</summary>
    public static async Task WriteAsync(PublishReport report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var feed in report.Feeds.Where(f => f.Succeeded))
        {
            await output.WriteLineAsync($"{feed.Feed}: {feed.Entries} entries, {feed.Archives} archive pages ({feed.Uploaded} documents uploaded, {feed.Unchanged} unchanged, {feed.Deleted} deleted)").ConfigureAwait(false);
            foreach (var url in feed.Urls)
            {
                await output.WriteLineAsync($"  {url.AbsoluteUri}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync("All feeds:").ConfigureAwait(false);
        foreach (var url in report.FeedListUrls)
        {
            await output.WriteLineAsync($"  {url.AbsoluteUri}").ConfigureAwait(false);
        }

        if (report.NextRelease is { } next)
        {
            var articles = report.Held == 1 ? "article" : "articles";
            await output.WriteLineAsync($"Held: {report.Held} {articles} dated in the future, published at their date; the first at {next.ToUniversalTime():u}").ConfigureAwait(false);
        }

        foreach (var (feed, reason) in NotPublished(report))
        {
            await error.WriteLineAsync($"error: feed '{feed}' was not published: {reason}").ConfigureAwait(false);
        }

        var definitions = BrokenDefinitions(report).ToHashSet();
        var published = report.Feeds.Where(f => f.Succeeded).Select(f => f.Feed).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in definitions.Where(d => published.Contains(FeedOf(d))))
        {
            await error.WriteLineAsync($"{diagnostic}; feed '{FeedOf(diagnostic)}' is published from its last good {DefinitionFileName} until the file is fixed").ConfigureAwait(false);
        }

        foreach (var diagnostic in report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !definitions.Contains(d)))
        {
            await error.WriteLineAsync($"{diagnostic}; skipped").ConfigureAwait(false);
        }
    }

    private static string FeedOf(SourceDiagnostic diagnostic) => Path.GetFileName(Path.GetDirectoryName(diagnostic.File)) ?? string.Empty;
}
