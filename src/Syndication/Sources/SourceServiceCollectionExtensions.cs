using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>Registers where articles are read from: an inbox container when one is named, else the feeds folder.</summary>
internal static class SourceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IFeedSource"/>, one for the process (it remembers its last read), chosen when first resolved
    /// from the <paramref name="inbox"/> container and <paramref name="feedsPath"/> settings.
    /// </summary>
    /// <remarks>An inbox needs the <see cref="BlobServiceClient"/> the stores register.</remarks>
    public static IServiceCollection AddFeedSource(this IServiceCollection services, Func<IServiceProvider, string?> inbox, Func<IServiceProvider, string> feedsPath)
    {
        services.TryAddSingleton<IFeedSource>(provider => inbox(provider) is { } container
            ? new BlobFeedSource(provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container), provider.GetRequiredService<ArticleParser>())
            : new FolderFeedSource(feedsPath(provider), provider.GetRequiredService<ArticleParser>()));
        return services;
    }
}
