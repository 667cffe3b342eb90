using System.Diagnostics.Metrics;

namespace Syndication.Publishing;

/// <summary>
/// The publisher's <see cref="System.Diagnostics.Metrics"/> instruments, under the meter named <c>Syndication</c>:
/// what a dashboard needs to see that feeds are published, and an alert to see that they are not.
/// </summary>
public static class SyndicationMetrics
{
    /// <summary>The meter's name, for listeners and exporters (<c>AddMeter("Syndication")</c>).</summary>
    public const string MeterName = "Syndication";

    private static readonly Meter Meter = new(MeterName, FeedGeneratorVersion());

    private static readonly Counter<long> ArticlesRead = Meter.CreateCounter<long>("syndication.articles.read", "{article}", "Articles read from the source");
    private static readonly Counter<long> ArticlesRejected = Meter.CreateCounter<long>("syndication.articles.rejected", "{article}", "Articles skipped because they cannot be published");
    private static readonly Counter<long> EntriesPublished = Meter.CreateCounter<long>("syndication.entries.published", "{entry}", "Entries in the feeds published");
    private static readonly Counter<long> BlobsUploaded = Meter.CreateCounter<long>("syndication.blobs.uploaded", "{blob}", "Documents written to storage");
    private static readonly Counter<long> BlobsUnchanged = Meter.CreateCounter<long>("syndication.blobs.unchanged", "{blob}", "Documents left alone because their bytes did not change");
    private static readonly Counter<long> BlobsDeleted = Meter.CreateCounter<long>("syndication.blobs.deleted", "{blob}", "Documents deleted because no page needs them");
    private static readonly Counter<long> FeedsFailed = Meter.CreateCounter<long>("syndication.feeds.failed", "{feed}", "Feeds that could not be published");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("syndication.run.duration", "s", "How long a publishing run took");
    private static long _lastSuccessUnixSeconds;

    static SyndicationMetrics() =>
        Meter.CreateObservableGauge("syndication.run.last_success", () => Interlocked.Read(ref _lastSuccessUnixSeconds), "s",
            "When the last run that published every feed ended (Unix time)");

    /// <summary>Records one finished run.</summary>
    public static void RecordRun(PublishReport report, int articlesRead, TimeSpan duration, DateTimeOffset finished)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArticlesRead.Add(articlesRead);
        ArticlesRejected.Add(report.Diagnostics.Count(d => d.Severity == Articles.DiagnosticSeverity.Error));
        foreach (var feed in report.Feeds.Where(f => !f.Skipped))
        {
            var tag = new KeyValuePair<string, object?>("feed", feed.Feed);
            if (!feed.Succeeded)
            {
                FeedsFailed.Add(1, tag);
                continue;
            }

            EntriesPublished.Add(feed.Entries, tag);
            BlobsUploaded.Add(feed.Uploaded, tag);
            BlobsUnchanged.Add(feed.Unchanged, tag);
            BlobsDeleted.Add(feed.Deleted, tag);
        }

        RunDuration.Record(duration.TotalSeconds);
        if (report.Feeds.All(f => f.Succeeded))
        {
            Interlocked.Exchange(ref _lastSuccessUnixSeconds, finished.ToUnixTimeSeconds());
        }
    }

    private static string FeedGeneratorVersion() => Formats.FeedGenerator.Version;
}
