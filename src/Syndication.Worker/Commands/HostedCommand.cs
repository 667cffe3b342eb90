using System.CommandLine;
using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>A verb that publishes, through the host and its services: <c>publish</c> and <c>run</c>.</summary>
public abstract partial class HostedCommand : SettingsCommand
{
    /// <summary>Creates the verb <paramref name="name"/> with the publishing options.</summary>
    protected HostedCommand(string name, string description, CommandContext context)
        : base(name, description, context) => AddPublishingOptions();

    /// <summary>Builds and starts the host, with <paramref name="services"/> added to the publishing services.</summary>
    /// <returns>The started host, or <see langword="null"/> when the configuration is invalid (then said on standard error).</returns>
    protected async Task<IHost?> StartHostAsync(ParseResult parseResult, StatusLine status, Action<IServiceCollection> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = CreateBuilder(parseResult, status, service: this is RunCommand);
        builder.Services.AddSyndication(builder.Configuration);
        services(builder.Services);
        Context.Configure?.Invoke(builder);
        var unknown = CommandHost.Complete(builder);
        var host = builder.Build();
        try
        {
            // Validated here rather than by the host's start, which would log a stack trace before the message; the
            // unknown keys and both classes, so that every bad setting is named at once.
            var failures = unknown.Concat(Failures<WorkerOptions>(host.Services)).Concat(Failures<SyndicationOptions>(host.Services)).ToList();
            if (failures.Count > 0)
            {
                await WriteInvalidConfigurationAsync(failures).ConfigureAwait(false);
                host.Dispose();
                return null;
            }

            // Names only: values may be secrets.
            LogSources(host.Services.GetRequiredService<ILogger<HostedCommand>>(), string.Join("; ", ((IConfigurationRoot)builder.Configuration).Providers));
            await host.StartAsync().ConfigureAwait(false);
            return host;
        }
        catch (OptionsValidationException e)
        {
            await WriteInvalidConfigurationAsync(e.Failures).ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // The configuration binder names the key whose value it could not convert.
            await Context.Error.WriteLineAsync($"Invalid configuration: {e.Message}").ConfigureAwait(false);
        }

        host.Dispose();
        return null;
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

    [LoggerMessage(2010, LogLevel.Debug, "Configuration sources, the last winning: {Sources}")]
    private static partial void LogSources(ILogger logger, string sources);
}
