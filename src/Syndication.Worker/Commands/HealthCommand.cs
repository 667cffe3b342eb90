using System.CommandLine;

namespace Syndication.Worker.Commands;

/// <summary>
/// <c>syndication health</c>: reads the health file the worker of the same configuration writes after each run;
/// healthy when a run succeeded within three schedule intervals. A probe for systemd or Kubernetes.
/// </summary>
public sealed class HealthCommand : SettingsCommand
{
    /// <summary>Creates the verb.</summary>
    public HealthCommand(CommandContext context)
        : base("health", "Exit 0 if the worker's last successful run (Syndication:HealthFile) is within three schedule intervals, 1 otherwise", context)
    {
        AddOutOption("The output folder of the worker to check: its health file is beside its state");
        SetAction((parseResult, _) => CheckAsync(parseResult));
    }

    private async Task<int> CheckAsync(ParseResult parseResult)
    {
        var builder = CreateBuilder(parseResult, new StatusLine(Context.Error, enabled: false));
        if (!await CompleteAsync(builder).ConfigureAwait(false))
        {
            return ExitCodes.InvalidConfiguration;
        }

        WorkerOptions options;
        try
        {
            options = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        }
        catch (InvalidOperationException e)
        {
            await Context.Error.WriteLineAsync($"Invalid configuration: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (string.IsNullOrWhiteSpace(options.HealthFile))
        {
            await Context.Error.WriteLineAsync("unhealthy: no health file is configured (Syndication:HealthFile is empty), so the worker records none").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        HealthRecord? record;
        try
        {
            record = HealthRecord.Read(options.HealthFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Context.Error.WriteLineAsync($"unhealthy: the health file {options.HealthFile} cannot be read: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (record is null)
        {
            await Context.Error.WriteLineAsync($"unhealthy: no health file at {options.HealthFile} (Syndication:HealthFile): the worker has not finished a run with this configuration").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var now = TimeProvider.System.GetUtcNow();
        if (record.LastError is { } error)
        {
            await Context.Error.WriteLineAsync($"unhealthy: the last run, at {record.LastRun:u}, failed: {error}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (!record.IsHealthy(now))
        {
            var last = record.LastSuccess is { } success ? $"the last success was at {success:u}" : "no run has succeeded";
            await Context.Error.WriteLineAsync($"unhealthy: {last}, more than 3 × {record.Interval} ago").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await Context.Output.WriteLineAsync($"healthy: last success at {record.LastSuccess:u}, last run at {record.LastRun:u}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
