using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>The background worker: publishes at start, then every <see cref="SyndicationOptions.Interval"/>.</summary>
/// <remarks>
/// A failed pass is logged and the loop goes on: the next tick retries. A pass that overruns the interval delays
/// the next one instead of stacking passes.
/// </remarks>
public sealed partial class PublishWorker(
    FeedPublisher publisher,
    IOptions<SyndicationOptions> options,
    TimeProvider timeProvider,
    ILogger<PublishWorker> logger) : BackgroundService
{
    /// <summary>Runs one pass, logging instead of throwing when it fails.</summary>
    /// <returns>Whether the pass published everything.</returns>
    public async Task<bool> PublishOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Several workers split the feeds: one that another worker is writing is left to it.
            var report = await publisher.PublishAsync(cancellationToken, waitForLeases: false).ConfigureAwait(false);
            return report.Succeeded;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPassFailed(logger, e, e.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        try
        {
            do
            {
                await PublishOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the host asked for it.
        }
    }

    [LoggerMessage(2000, LogLevel.Error, "Publishing pass failed: {Reason}; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string reason);
}
