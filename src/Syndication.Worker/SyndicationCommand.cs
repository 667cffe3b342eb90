using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>The <c>syndication</c> command: parses the command line, builds the host, runs the command.</summary>
public static class SyndicationCommand
{
    /// <summary>Runs the command given by <paramref name="args"/> and returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="configure">Changes to the host before it is built (tests use it to replace services).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CommandLineArguments parsed;
        try
        {
            parsed = CommandLineArguments.Parse(args);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"{e.Message}\n\n{CommandLineArguments.Usage}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (parsed.Command is null)
        {
            await output.WriteLineAsync(CommandLineArguments.Usage).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parsed.Command == "--version")
        {
            await output.WriteLineAsync($"syndication {Formats.FeedGenerator.Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parsed.Command == "health")
        {
            return await HealthAsync(parsed, output, error).ConfigureAwait(false);
        }

        if (parsed.Command == "validate")
        {
            return await ValidateAsync(parsed, output, error).ConfigureAwait(false);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "syndication",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(parsed.Settings);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSyndication(builder.Configuration);
        if (parsed.Command == "run")
        {
            // Under systemd: Type=notify readiness and stopping, and journal-friendly logs; elsewhere it does nothing.
            builder.Services.AddSystemd();
            builder.Services.AddHostedService<PublishWorker>();
        }
        else
        {
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        }

        configure?.Invoke(builder);
        using var host = builder.Build();
        try
        {
            // Validated here rather than by the host's start, which would log a stack trace before the message; both
            // classes, so that every bad setting is named at once.
            var failures = Failures<WorkerOptions>(host.Services).Concat(Failures<SyndicationOptions>(host.Services)).ToList();
            if (failures.Count > 0)
            {
                await error.WriteLineAsync("Invalid configuration:\n  " + string.Join("\n  ", failures)).ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }

            await host.StartAsync().ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Invalid configuration:\n  " + string.Join("\n  ", e.Failures)).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // The configuration binder names the key whose value it could not convert.
            await error.WriteLineAsync($"Invalid configuration: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (parsed.Command == "run")
        {
            await host.WaitForShutdownAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        }

        PublishReport report;
        try
        {
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            // A progress line on an interactive terminal only; logs and CI get none.
            var progress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
                ? new Progress<(int Done, int Total)>(p => Console.Error.Write($"\r{p.Done}/{p.Total} feeds published "))
                : null;
            report = await host.Services.GetRequiredService<FeedPublisher>().PublishAsync(stopping, progress: progress).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The failures an operator can act on are told in a sentence; anything else is a fault, shown with its stack trace.
            var known = e is Storage.StorageException or DirectoryNotFoundException or Storage.PublicAccessNotPermittedException;
            await error.WriteLineAsync($"Publishing failed: {(known ? e.Message : e.ToString())}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        finally
        {
            // Stopping the host flushes the console logger, so the summary below comes after the last log line.
            await host.StopAsync().ConfigureAwait(false);
            host.Dispose();
        }

        if (report.DryRun)
        {
            await DryRunSummary.WriteAsync(report, output).ConfigureAwait(false);
            return ExitCodes.Of(report);
        }

        return await PrintAsync(report, output, error).ConfigureAwait(false);
    }

    /// <summary>Reads the health record the worker writes after each run: healthy when a run succeeded within three schedule intervals.</summary>
    private static async Task<int> HealthAsync(CommandLineArguments parsed, TextWriter output, TextWriter error)
    {
        var options = Configuration(parsed).GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        HealthRecord? record;
        try
        {
            record = HealthRecord.Read(options.HealthFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync($"unhealthy: the health file {options.HealthFile} cannot be read: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var now = TimeProvider.System.GetUtcNow();
        if (record is null)
        {
            await error.WriteLineAsync($"unhealthy: no health file at {options.HealthFile} (Syndication:HealthFile): the worker has not finished a run").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (!record.IsHealthy(now))
        {
            var last = record.LastSuccess is { } success ? $"the last success was at {success:u}" : "no run has succeeded";
            await error.WriteLineAsync($"unhealthy: {last}, more than 3 × {record.Interval} ago; last error: {record.LastError ?? "none"}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await output.WriteLineAsync($"healthy: last success at {record.LastSuccess:u}, last run at {record.LastRun:u}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the options of type <typeparamref name="T"/>; empty when they are valid.</summary>
    private static IReadOnlyCollection<string> Failures<T>(IServiceProvider services)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
            return [];
        }
        catch (OptionsValidationException e) when (e.OptionsType == typeof(T))
        {
            return [.. e.Failures];
        }
    }

    private static IConfigurationRoot Configuration(CommandLineArguments parsed) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(parsed.Settings)
            .Build();

    /// <summary>Validates without a host: no storage is needed, so no storage setting is required.</summary>
    private static async Task<int> ValidateAsync(CommandLineArguments parsed, TextWriter output, TextWriter error)
    {
        var configuration = Configuration(parsed);
        ValidationReport report;
        try
        {
            var options = configuration.GetSection(SyndicationOptions.SectionName).Get<SyndicationOptions>() ?? new SyndicationOptions();
            report = await CatalogValidator.ValidateAsync(options.FeedsPath, options.Articles, TimeProvider.System, CancellationToken.None, options.Derived).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // Every file's own problems are diagnostics already: this is a fault, shown with its stack trace.
            await error.WriteLineAsync($"error: validation failed: {e}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (parsed.Flags.Contains("--json"))
        {
            await output.WriteLineAsync(report.ToJson()).ConfigureAwait(false);
            return ExitCodes.Of(report);
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            if (diagnostic.Exception is { } exception)
            {
                await output.WriteLineAsync($"  {exception}").ConfigureAwait(false);
            }
        }

        foreach (var held in report.Held)
        {
            // Information, not a problem: the exit code stays as the diagnostics make it.
            await output.WriteLineAsync($"{held.File}: info: held until {held.Until.ToUniversalTime():u} (its published date)").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{report.Feeds} feeds, {report.Articles} articles in {report.FeedsPath}: {report.Errors} errors, {report.Warnings} warnings").ConfigureAwait(false);
        return ExitCodes.Of(report);
    }

    private static async Task<int> PrintAsync(PublishReport report, TextWriter output, TextWriter error)
    {

        foreach (var feed in report.Feeds)
        {
            if (feed.Succeeded)
            {
                await output.WriteLineAsync($"{feed.Feed}: {feed.Entries} entries, {feed.Archives} archive pages ({feed.Uploaded} documents uploaded, {feed.Unchanged} unchanged, {feed.Deleted} deleted)").ConfigureAwait(false);
                foreach (var url in feed.Urls)
                {
                    await output.WriteLineAsync($"  {url.AbsoluteUri}").ConfigureAwait(false);
                }
            }
            else
            {
                await error.WriteLineAsync($"error: feed '{feed.Feed}' was not published: {feed.Error}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync("All feeds:").ConfigureAwait(false);
        foreach (var url in report.FeedListUrls)
        {
            await output.WriteLineAsync($"  {url.AbsoluteUri}").ConfigureAwait(false);
        }

        if (report.NextRelease is { } next)
        {
            var articles = report.Held == 1 ? "article" : "articles";
            await output.WriteLineAsync($"Held: {report.Held} {articles} dated in the future, published at their date; the first at {next.ToUniversalTime():u}").ConfigureAwait(false);
        }

        foreach (var diagnostic in report.Diagnostics.Where(d => d.Severity == Articles.DiagnosticSeverity.Error))
        {
            await error.WriteLineAsync($"{diagnostic}; skipped").ConfigureAwait(false);
        }

        return ExitCodes.Of(report);
    }
}
