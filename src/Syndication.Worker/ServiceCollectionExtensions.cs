using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>Registers the publishing pipeline.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FeedPublisher"/> and its dependencies, with <see cref="SyndicationOptions"/> and
    /// <see cref="WorkerOptions"/> bound from the <c>Syndication</c> section and validated at start. The RSS ttl is
    /// the feed's own or <c>Syndication:TimeToLive</c>, never the schedule: processes on different schedules write
    /// the same documents.
    /// </summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        services.AddOptions<SyndicationOptions>()
            .Bind(configuration.GetSection(SyndicationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyndicationOptions>, SyndicationOptionsValidator>());
        services.AddFeedPublishing();
        // Read as text: the host resolves its options while it is built, before the settings are validated.
        services.Configure<HostOptions>(host => host.ShutdownTimeout =
            TimeSpan.TryParse(configuration[$"{WorkerOptions.SectionName}:{nameof(WorkerOptions.ShutdownTimeout)}"], System.Globalization.CultureInfo.InvariantCulture, out var timeout)
                ? timeout
                : new WorkerOptions().ShutdownTimeout);
        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>Exports the <c>Syndication</c> meter over OTLP when <c>Syndication:Telemetry:OtlpEndpoint</c> is set; off otherwise.</summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        if (!Uri.TryCreate(configuration["Syndication:Telemetry:OtlpEndpoint"], UriKind.Absolute, out var endpoint))
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("syndication", serviceVersion: Syndication.Formats.FeedGenerator.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(SyndicationMetrics.MeterName)
                .AddOtlpExporter(exporter => exporter.Endpoint = endpoint));
    }
}
