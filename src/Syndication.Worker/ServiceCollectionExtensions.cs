using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Worker;

/// <summary>Registers the publishing pipeline.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="FeedPublisher"/> and its dependencies, with options bound from the <c>Syndication</c> section and validated at start.</summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SyndicationOptions>()
            .Bind(configuration.GetSection(SyndicationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyndicationOptions>, SyndicationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => BlobServiceClientFactory.Create(provider.GetRequiredService<IOptions<SyndicationOptions>>().Value.Storage));
        services.TryAddSingleton<FeedPublisher>();
        // Read as text: the host resolves its options while it is built, before the settings are validated.
        services.Configure<HostOptions>(host => host.ShutdownTimeout =
            TimeSpan.TryParse(configuration[$"{SyndicationOptions.SectionName}:{nameof(SyndicationOptions.ShutdownTimeout)}"], System.Globalization.CultureInfo.InvariantCulture, out var timeout)
                ? timeout
                : new SyndicationOptions().ShutdownTimeout);
        return services;
    }
}
