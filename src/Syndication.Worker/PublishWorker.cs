using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>
/// The background worker: publishes at start, then on the schedule (an interval or a cron expression), when the
/// next held article is due (its <c>published</c> date), and soon after a change in the feeds folder when watching.
/// </summary>
/// <remarks>
/// Runs never overlap: a run that overruns the next tick delays it, and missed ticks are not made up. A failed
/// run is logged and the next one retries; an outage is logged once when it starts and once when it ends.
/// </remarks>
public sealed partial class PublishWorker(
    FeedPublisher publisher,
    IOptions<SyndicationOptions> options,
    IOptions<WorkerOptions> workerOptions,
    TimeProvider timeProvider,
    ILogger<PublishWorker> logger) : BackgroundService
{
    private readonly SyndicationOptions _options = options.Value;
    private readonly WorkerOptions _worker = workerOptions.Value;
    private DateTimeOffset? _outageSince;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _nextRelease;
    private int _completedRuns;
    private FeedsWatcher? _watcher;

    /// <summary>When the first article the last run held is due, or <see langword="null"/> when it held none.</summary>
    public DateTimeOffset? NextRelease => _nextRelease;

    /// <summary>How many runs have finished, successful or not.</summary>
    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    /// <summary>How many changes to the feeds folder the worker has seen; 0 when it is not watching.</summary>
    public int ChangesSeen => Volatile.Read(ref _watcher)?.Version ?? 0;

    /// <summary>Runs one pass, logging instead of throwing when it fails.</summary>
    /// <returns>Whether the pass published every feed.</returns>
    public async Task<bool> PublishOnceAsync(CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            // Several workers split the feeds: one that another worker is writing is left to it.
            var report = await publisher.PublishAsync(cancellationToken, waitForLeases: false).ConfigureAwait(false);
            _nextRelease = report.NextRelease;
            // A feed skipped for its feed.json is not published either, as the exit code of publish says.
            if (Commands.PublishSummary.NotPublished(report) is [var (feed, reason), ..])
            {
                error = $"feed '{feed}': {reason}";
            }
            else if (Commands.PublishSummary.BrokenDefinitions(report) is [var broken, ..])
            {
                // Published from its last good feed.json, but not as the file says: someone has to fix it.
                error = $"{broken}; the feed is published from its last good feed.json";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A whole run failing (storage unreachable, say) is an outage: logged when it starts and when it ends.
            error = e.Message;
            // Not known while publishing fails; the schedule retries, rather than a release time already past at once.
            _nextRelease = null;
            if (_outageSince is null)
            {
                _outageSince = timeProvider.GetUtcNow();
                LogOutageStarted(logger, e, e.Message);
            }
            else
            {
                LogStillFailing(logger, e.Message);
            }
        }

        var now = timeProvider.GetUtcNow();
        if (_outageSince is { } since && error is null)
        {
            LogOutageEnded(logger, now - since);
            _outageSince = null;
        }

        if (error is null)
        {
            _lastSuccess = now;
        }

        RecordHealth(now, error);
        Interlocked.Increment(ref _completedRuns);
        return error is null;
    }

    // How many quiet times a run may wait for saves to pause.
    private const int MaxQuietWaits = 10;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = _worker.ParseSchedule();
        using var watcher = _worker.Watch && _options.Source.Container is null ? new FeedsWatcher(_options.FeedsPath) : null;
        Volatile.Write(ref _watcher, watcher);
        LogStarted(logger, schedule.ToString(), watcher is null ? "off" : $"on, {_worker.WatchDebounce} quiet time");
        try
        {
            while (true)
            {
                var seen = watcher?.Version ?? 0;
                var started = timeProvider.GetUtcNow();
                await PublishOnceAsync(stoppingToken).ConfigureAwait(false);

                // The next tick counts from the start of this run; a run that overran it starts the next one at once (one run, not a backlog).
                var now = timeProvider.GetUtcNow();
                // An embargo ends at its own instant, not at the next tick.
                var next = schedule.Next(started);
                if (_nextRelease < next)
                {
                    next = _nextRelease.Value;
                }

                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var tick = Task.Delay(next > now ? next - now : TimeSpan.Zero, timeProvider, waiting.Token);
                var changed = watcher?.ChangedAfterAsync(seen) ?? Task.Delay(Timeout.Infinite, waiting.Token);
                if (await Task.WhenAny(tick, changed).ConfigureAwait(false) == changed && !stoppingToken.IsCancellationRequested)
                {
                    // Saves that never pause are published at the scheduled time at the latest, and at most every
                    // MaxQuietWaits quiet times.
                    var untilTick = next - timeProvider.GetUtcNow();
                    var longest = _worker.WatchDebounce * MaxQuietWaits;
                    await watcher!.WaitUntilQuietAsync(_worker.WatchDebounce, untilTick < longest ? untilTick : longest, timeProvider, stoppingToken).ConfigureAwait(false);
                }

                await waiting.CancelAsync().ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the host asked for it.
        }
    }

    private void RecordHealth(DateTimeOffset now, string? error)
    {
        if (string.IsNullOrWhiteSpace(_worker.HealthFile))
        {
            return;
        }

        try
        {
            new HealthRecord(now, _lastSuccess, _worker.ParseSchedule().TypicalInterval(now), error).Write(_worker.HealthFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogHealthNotWritten(logger, _worker.HealthFile, e.Message);
        }
    }

    [LoggerMessage(2001, LogLevel.Information, "Worker started: publishing {Schedule}; watching the feeds folder: {Watch}")]
    private static partial void LogStarted(ILogger logger, string schedule, string watch);

    [LoggerMessage(2000, LogLevel.Error, "Publishing is failing: {Reason}; retrying on schedule and logging again only when it recovers")]
    private static partial void LogOutageStarted(ILogger logger, Exception exception, string reason);

    [LoggerMessage(2002, LogLevel.Debug, "Publishing still failing: {Reason}")]
    private static partial void LogStillFailing(ILogger logger, string reason);

    [LoggerMessage(2003, LogLevel.Information, "Publishing recovered after {Duration}")]
    private static partial void LogOutageEnded(ILogger logger, TimeSpan duration);

    [LoggerMessage(2004, LogLevel.Warning, "Could not write the health file {Path}: {Reason}")]
    private static partial void LogHealthNotWritten(ILogger logger, string path, string reason);
}
