using Microsoft.Extensions.Logging.Console;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// The host of a command, and its one configuration pipeline: <c>appsettings.json</c>, the environment, then the
/// command line (the options of the verb and any <c>--Syndication:Key=VALUE</c>), the last winning.
/// </summary>
public static class CommandHost
{
    /// <summary>The health file's name in the state folder of a local output folder (<c>--out DIR</c>).</summary>
    public const string OutputHealthFileName = "health.json";

    /// <summary>A host builder for a command whose command line sets <paramref name="settings"/>.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <param name="settings">The configuration keys and values the command line sets, in order.</param>
    /// <param name="verbosity">How much to log.</param>
    /// <param name="status">The progress line that log lines write around.</param>
    /// <param name="service">Whether the command is the long-running worker, which logs through the console logger.</param>
    public static HostApplicationBuilder CreateBuilder(CommandContext context, IEnumerable<KeyValuePair<string, string>> settings, Verbosity verbosity, StatusLine status, bool service)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "syndication",
            ContentRootPath = AppContext.BaseDirectory,
            // The host's own command-line source, so the command line is one more configuration source, the last one.
            Args = [.. settings.Select(s => $"--{s.Key}={s.Value}")],
        });
        builder.Logging.ClearProviders();
        if (service && context.WritesToConsole)
        {
            // The worker under systemd gets journal-friendly lines from the console logger (AddSystemd picks its format).
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            Filter<ConsoleLoggerProvider>(builder.Logging, verbosity);
        }
        else
        {
            builder.Logging.Services.AddSingleton<ILoggerProvider>(new StandardErrorLoggerProvider(status, TimeProvider.System));
            Filter<StandardErrorLoggerProvider>(builder.Logging, verbosity);
        }

        return builder;
    }

    /// <summary>
    /// Completes the configuration once every source is in (tests add theirs after <see cref="CreateBuilder"/>): the
    /// default health file of a local output folder, then the check that every <c>Syndication</c> key is a setting.
    /// </summary>
    /// <returns>The keys that are not settings, each named with its source; empty when there is none.</returns>
    public static IReadOnlyList<string> Complete(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        const string HealthFileKey = $"{WorkerOptions.SectionName}:{nameof(WorkerOptions.HealthFile)}";
        if (configuration[HealthFileKey] is null
            && configuration.GetSection(SyndicationOptions.SectionName).Get<SyndicationOptions>()?.LocalStateFolder() is { } state)
        {
            // With the worker's other private files, outside the output folder, which a web server serves.
            configuration.AddInMemoryCollection([new(HealthFileKey, Path.Combine(state, OutputHealthFileName))]);
        }

        return SettingKeys.Unknown(configuration);
    }

    // Rules for the provider itself come before any category rule of the Logging configuration, so --quiet and
    // --verbose win over appsettings.json.
    private static void Filter<TProvider>(ILoggingBuilder logging, Verbosity verbosity)
        where TProvider : ILoggerProvider
    {
        switch (verbosity)
        {
            case Verbosity.Quiet:
                logging.AddFilter<TProvider>(null, LogLevel.Warning);
                break;
            case Verbosity.Verbose:
                logging.AddFilter<TProvider>(null, LogLevel.Debug);
                // The storage SDK logs every request at Information and below: noise even when looking for a fault.
                logging.AddFilter<TProvider>("Azure", LogLevel.Warning);
                break;
            default:
                break;
        }
    }
}
