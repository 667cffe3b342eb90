using System.CommandLine;

namespace Syndication.Worker.Commands;

/// <summary><c>syndication run</c>: the background worker, until Ctrl+C or SIGTERM.</summary>
public sealed class RunCommand : HostedCommand
{
    /// <summary>Creates the verb.</summary>
    public RunCommand(CommandContext context)
        : base("run", "Run as a background worker: publish at start, then on the schedule, and soon after a change in the feeds folder; stop on Ctrl+C or SIGTERM", context)
    {
        AddScheduleOptions();
        SetAction((parseResult, _) => RunAsync(parseResult));
    }

    private async Task<int> RunAsync(ParseResult parseResult)
    {
        using var host = await StartHostAsync(parseResult, new StatusLine(Context.Error, enabled: false), services =>
        {
            // Under systemd: Type=notify readiness and stopping, and journal-friendly logs; elsewhere it does nothing.
            services.AddSystemd();
            services.AddHostedService<PublishWorker>();
        }).ConfigureAwait(false);
        if (host is null)
        {
            return ExitCodes.InvalidConfiguration;
        }

        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
