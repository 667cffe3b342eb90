using System.Globalization;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>
/// What <c>publish --dry-run</c> prints: per feed with something to do, the documents it would upload and delete and
/// whether it would notify the WebSub hub; per feed that failed, why; then one closing line with the totals.
/// </summary>
/// <remarks>
/// Feeds with nothing to do are only counted: a site with thousands of derived feeds would bury the few that change.
/// Every name is listed, since the names are what a dry run is for.
/// </remarks>
public static class DryRunSummary
{
    /// <summary>Writes the summary of <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(PublishReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var feed in report.Feeds)
        {
            if (!feed.Succeeded)
            {
                await output.WriteLineAsync($"{feed.Feed}: failed: {feed.Error}").ConfigureAwait(false);
                continue;
            }

            if (feed.Skipped)
            {
                await output.WriteLineAsync($"{feed.Feed}: left to the worker writing it").ConfigureAwait(false);
                continue;
            }

            if (feed.UploadNames.Count == 0 && feed.DeleteNames.Count == 0 && !feed.HubNotified)
            {
                continue;
            }

            await output.WriteLineAsync(feed.Feed).ConfigureAwait(false);
            await WriteNamesAsync(output, "would upload", feed.UploadNames).ConfigureAwait(false);
            await WriteNamesAsync(output, "would delete", feed.DeleteNames).ConfigureAwait(false);
            if (feed.HubNotified)
            {
                await output.WriteLineAsync("  would notify the hub").ConfigureAwait(false);
            }
        }

        if (report.FeedListUploadNames.Count > 0)
        {
            await output.WriteLineAsync("list of all feeds").ConfigureAwait(false);
            await WriteNamesAsync(output, "would upload", report.FeedListUploadNames).ConfigureAwait(false);
        }

        var changing = report.Feeds.Count(f => f.Succeeded && !f.Skipped && (f.UploadNames.Count > 0 || f.DeleteNames.Count > 0));
        var failed = report.Feeds.Count(f => !f.Succeeded);
        var uploads = report.Feeds.Sum(f => f.UploadNames.Count) + report.FeedListUploadNames.Count;
        var deletions = report.Feeds.Sum(f => f.DeleteNames.Count);
        var notified = report.Feeds.Count(f => f.HubNotified);
        var closing = string.Create(CultureInfo.InvariantCulture,
            $"Dry run: {changing} of {report.Feeds.Count} feeds would change ({uploads} {Plural(uploads, "upload")}, {deletions} {Plural(deletions, "deletion")}, " +
            $"{notified} hub {Plural(notified, "notification")})");
        var failures = failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {failed} {Plural(failed, "feed")} failed") : string.Empty;
        await output.WriteLineAsync($"{closing}{failures}; nothing was written.").ConfigureAwait(false);
    }

    private static async Task WriteNamesAsync(TextWriter output, string action, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {action} {names.Count}: {string.Join(", ", names)}")).ConfigureAwait(false);
        }
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
