using System.CommandLine;
using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary><c>syndication publish</c>: publishes every feed once, prints the summary and exits with the outcome.</summary>
public sealed class PublishCommand : HostedCommand
{
    /// <summary>Creates the verb.</summary>
    public PublishCommand(CommandContext context)
        : base("publish", "Publish every feed once and exit", context) =>
        SetAction((parseResult, _) => PublishAsync(parseResult));

    private async Task<int> PublishAsync(ParseResult parseResult)
    {
        var verbosity = Context.VerbosityOf(parseResult);
        // A progress line on an interactive terminal only; logs, CI and --quiet get none.
        var status = new StatusLine(Context.Error, Context.WritesToConsole && !Console.IsErrorRedirected && verbosity != Verbosity.Quiet);
        using var host = await StartHostAsync(parseResult, status,
            services => services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true)).ConfigureAwait(false);
        if (host is null)
        {
            return ExitCodes.InvalidConfiguration;
        }

        PublishReport report;
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var finished = new CancellationTokenSource();
        try
        {
            var progress = status.Enabled ? new ProgressLine(status) : null;
            var publishing = host.Services.GetRequiredService<FeedPublisher>().PublishAsync(stopping, progress: progress);
            var timeout = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
            var deadline = StoppedForAsync(stopping, timeout, host.Services.GetRequiredService<TimeProvider>(), finished.Token);
            if (await Task.WhenAny(publishing, deadline).ConfigureAwait(false) != publishing)
            {
                // Every write is whole on its own (documents before the state that records them), so leaving the run
                // where it is loses nothing: the next run finds what is missing.
                await Context.Error.WriteLineAsync($"Publishing stopped: it did not stop within {timeout.TotalSeconds:0.#} s (Syndication:ShutdownTimeout) of being asked to, so it is left where it was; the next run publishes what is missing")
                    .ConfigureAwait(false);
                return ExitCodes.Stopped;
            }

            report = await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await Context.Error.WriteLineAsync("Publishing stopped before it finished (Ctrl+C or SIGTERM): each feed written is whole; the next run publishes the rest")
                .ConfigureAwait(false);
            return ExitCodes.Stopped;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The failures an operator can act on are told in a sentence; anything else is a fault, in one line too,
            // with its stack trace under --verbose.
            var known = e is Storage.StorageException or DirectoryNotFoundException or Storage.PublicAccessNotPermittedException or NoFeedsFoundException
                or Storage.PublicStateContainerException;
            await Context.Error.WriteLineAsync(known
                ? $"Publishing failed: {e.Message}"
                : UnexpectedFailure.Describe("Publishing failed", e, verbosity)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        finally
        {
            await finished.CancelAsync().ConfigureAwait(false);
            status.Hide();
            await host.StopAsync().ConfigureAwait(false);
        }

        if (report.DryRun)
        {
            await DryRunSummary.WriteAsync(report, Context.Output).ConfigureAwait(false);
        }
        else
        {
            await PublishSummary.WriteAsync(report, Context.Output, Context.Error).ConfigureAwait(false);
        }

        return ExitCodes.Of(report);
    }

    /// <summary>
    /// Completes <paramref name="timeout"/> after <paramref name="stopping"/> is cancelled, or as soon as
    /// <paramref name="finished"/> is (the run ended first, and the wait is no longer looked at).
    /// </summary>
    private static async Task StoppedForAsync(CancellationToken stopping, TimeSpan timeout, TimeProvider timeProvider, CancellationToken finished)
    {
        using (var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, finished))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, either.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.Delay(timeout, timeProvider, finished).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Shows how many feeds are done, at once rather than posted to the thread pool as <see cref="Progress{T}"/> would.</summary>
    private sealed class ProgressLine(StatusLine status) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => status.Show($"{value.Done}/{value.Total} feeds published");
    }
}
