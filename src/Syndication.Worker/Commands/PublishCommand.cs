using System.CommandLine;
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
        try
        {
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var progress = status.Enabled ? new ProgressLine(status) : null;
            report = await host.Services.GetRequiredService<FeedPublisher>().PublishAsync(stopping, progress: progress).ConfigureAwait(false);
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

    /// <summary>Shows how many feeds are done, at once rather than posted to the thread pool as <see cref="Progress{T}"/> would.</summary>
    private sealed class ProgressLine(StatusLine status) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => status.Show($"{value.Done}/{value.Total} feeds published");
    }
}
