using Microsoft.Extensions.Logging;
using Syndication.Articles;

namespace Syndication.Publishing;

/// <summary>The publisher's log messages, each with its own event id so operators can filter and alert on them.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Publishing {FeedCount} feeds from {Source} to {Destination}")]
    public static partial void PublishStarting(ILogger logger, int feedCount, string source, string destination);

    // The URLs are at Debug: publish prints them once in its summary, and they are the same on every run.
    [LoggerMessage(1001, LogLevel.Information, "Published feed {Feed}: {Entries} entries in {Archives} archive pages and the subscription documents; {Uploaded} documents uploaded ({Bytes} bytes), {Unchanged} unchanged, {Deleted} deleted")]
    public static partial void FeedPublished(ILogger logger, string feed, int entries, int archives, int uploaded, long bytes, int unchanged, int deleted);

    [LoggerMessage(1015, LogLevel.Debug, "Feed {Feed} is served at {Urls}")]
    public static partial void FeedUrls(ILogger logger, string feed, string urls);

    [LoggerMessage(1006, LogLevel.Information, "Feed {Feed} is unchanged: {Entries} entries, its {Documents} documents stored as they are; nothing written")]
    public static partial void FeedUnchanged(ILogger logger, string feed, int entries, int documents);

    [LoggerMessage(1007, LogLevel.Information, "Nothing changed since the last publication of the {FeedCount} feeds (source files, settings and stored documents are the same); nothing read or written")]
    public static partial void NothingChanged(ILogger logger, int feedCount);

    [LoggerMessage(1040, LogLevel.Information, "Dry run: documents are rendered and compared with what is stored; nothing is written, leased or notified")]
    public static partial void DryRun(ILogger logger);

    [LoggerMessage(1041, LogLevel.Information, "Dry run: feed {Feed} would upload {Uploaded} documents and delete {Deleted}: {Documents}")]
    public static partial void FeedWouldPublish(ILogger logger, string feed, int uploaded, int deleted, string documents);

    [LoggerMessage(1008, LogLevel.Information, "Holding {Held} articles whose publication date is still to come; the first is due at {NextRelease:o}")]
    public static partial void ArticlesHeld(ILogger logger, int held, DateTimeOffset nextRelease);

    [LoggerMessage(1004, LogLevel.Information, "Published the list of all feeds")]
    public static partial void FeedListPublished(ILogger logger);

    [LoggerMessage(1016, LogLevel.Debug, "The list of all feeds is served at {PageUrl} {OpmlUrl}")]
    public static partial void FeedListUrls(ILogger logger, string pageUrl, string opmlUrl);

    [LoggerMessage(1005, LogLevel.Information, "Feed {Feed} is being written by another worker; left to it")]
    public static partial void FeedSkipped(ILogger logger, string feed);

    [LoggerMessage(1030, LogLevel.Information, "Notified WebSub hub {Hub} of feed {Feed} (attempt {Attempt})")]
    public static partial void HubNotified(ILogger logger, string feed, string hub, int attempt);

    [LoggerMessage(1031, LogLevel.Warning, "Could not notify WebSub hub {Hub} of feed {Feed} after {Attempts} attempts: {Reason}; subscribers still get it by polling")]
    public static partial void HubNotificationFailed(ILogger logger, string feed, string hub, int attempts, string reason);

    [LoggerMessage(1002, LogLevel.Error, "Feed {Feed} was not published: {Reason}")]
    public static partial void FeedFailed(ILogger logger, Exception exception, string feed, string reason);

    [LoggerMessage(1014, LogLevel.Error, "Feed {Feed} was not published: {Reason}")]
    public static partial void FeedRefused(ILogger logger, string feed, string reason);

    [LoggerMessage(1009, LogLevel.Error, "Feed {Feed} was not published: it draws from {Sources}, which could not be published; its last publication stays")]
    public static partial void DerivedFeedBlocked(ILogger logger, string feed, string sources);

    [LoggerMessage(1003, LogLevel.Information, "Publishing finished in {ElapsedMs} ms: {Published} feeds published, {Failed} failed, {Skipped} source files skipped")]
    public static partial void PublishFinished(ILogger logger, long elapsedMs, int published, int failed, int skipped);

    [LoggerMessage(1010, LogLevel.Warning, "{Diagnostic}")]
    public static partial void SourceWarning(ILogger logger, string diagnostic);

    [LoggerMessage(1011, LogLevel.Error, "{Diagnostic}; skipped")]
    public static partial void SourceError(ILogger logger, string diagnostic);

    [LoggerMessage(1013, LogLevel.Error, "{Diagnostic}; skipped")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string diagnostic);

    [LoggerMessage(1012, LogLevel.Warning, "{File}: cannot be read now; its last good version stays published until the file is fixed")]
    public static partial void SourceRecovered(ILogger logger, string file);

    [LoggerMessage(1060, LogLevel.Debug, "Recalled the stamps and hashes of {Files} source files from the last run's memory")]
    public static partial void SourceMemoryRecalled(ILogger logger, int files);

    [LoggerMessage(1061, LogLevel.Debug, "The source memory was written by other code or for another source; every file is read once")]
    public static partial void SourceMemoryStale(ILogger logger);

    [LoggerMessage(1062, LogLevel.Warning, "The source memory cannot be read ({Reason}); every file is read once, and the memory is written again")]
    public static partial void SourceMemoryUnreadable(ILogger logger, string reason);

    [LoggerMessage(1063, LogLevel.Warning, "The source memory was not saved ({Reason}); the next process reads every file once")]
    public static partial void SourceMemoryNotSaved(ILogger logger, string reason);

    [LoggerMessage(1064, LogLevel.Debug, "Recalled {Articles} articles of {Feeds} feeds from the last run's memory: they are not parsed again")]
    public static partial void ArticlesRecalled(ILogger logger, int articles, int feeds);

    [LoggerMessage(1065, LogLevel.Debug, "Recalled the related-articles terms of {Articles} articles from the last run's memory: their text is not read again")]
    public static partial void TermsRecalled(ILogger logger, int articles);

    [LoggerMessage(1066, LogLevel.Debug, "Indexed {Articles} articles for related articles, reading the text of {Read}")]
    public static partial void RelatedIndexed(ILogger logger, int articles, int read);

    [LoggerMessage(1020, LogLevel.Debug, "State of feed {Feed} changed meanwhile; reloading (attempt {Attempt})")]
    public static partial void StateConflict(ILogger logger, string feed, int attempt);

    /// <summary>Logs a problem found in a source file: an unexpected failure with its stack trace, an error, or a warning.</summary>
    public static void Source(ILogger logger, SourceDiagnostic diagnostic)
    {
        if (diagnostic.Exception is { } exception)
        {
            SourceFailed(logger, exception, diagnostic.ToString());
        }
        else if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            SourceError(logger, diagnostic.ToString());
        }
        else
        {
            SourceWarning(logger, diagnostic.ToString());
        }
    }
}
