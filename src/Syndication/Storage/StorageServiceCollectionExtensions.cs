using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Syndication.Publishing;

namespace Syndication.Storage;

/// <summary>Registers the stores: in a local output folder when one is given, else in the storage account.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the document store and the stores of the publisher's own data (feed states, article copies, publication
    /// records, locks), chosen when first resolved from the <paramref name="options"/>: with
    /// <see cref="SyndicationOptions.OutputPath"/>, the documents go to that folder and the publisher's own data to its
    /// private folder (<see cref="SyndicationOptions.StatePath"/>); else both go to storage.
    /// </summary>
    /// <remarks>The storage client is made only when something uses storage, so a local output folder needs no storage setting.</remarks>
    public static IServiceCollection AddStores(this IServiceCollection services, Func<IServiceProvider, SyndicationOptions> options, Func<IServiceProvider, ILogger> logger)
    {
        services.TryAddSingleton(provider => BlobServiceClientFactory.Create(options(provider).Storage));
        services.TryAddSingleton<IDocumentStore>(provider =>
        {
            var settings = options(provider);
            if (settings.OutputPath is not { } output)
            {
                return new BlobDocumentStore(Blobs(provider).GetBlobContainerClient(settings.Storage.Container), settings.Storage);
            }

            // The hashes of the documents go with the other private files; a dry run keeps them in the process only.
            var store = new FolderDocumentStore(output, settings.DryRun ? null : provider.GetRequiredService<PrivateFolderPath>().Value);
            if (settings.PublicBaseUrl is null)
            {
                // Made once per process, when the publisher is: one warning per publish, not one per document.
                StorageLog.LinksToFiles(logger(provider), store.Location.AbsoluteUri);
            }

            return store;
        });
        services.TryAddSingleton(provider => new PrivateFolderPath(options(provider) is { OutputPath: { } output } settings
            ? PrivateFolder.Prepare(output, PrivateFolder.Of(output, settings.StatePath)
                ?? throw new InvalidOperationException($"{SyndicationOptions.SectionName}:StatePath must be set: the output folder '{output}' has no parent."),
                settings.DryRun, logger(provider))
            : null));
        AddPrivate<IFeedStateStore>(folder => new FolderFeedStateStore(folder), (container, scope) => new BlobFeedStateStore(container, scope));
        AddPrivate<IArticleCopyStore>(folder => new FolderArticleCopyStore(folder), (container, scope) => new BlobArticleCopyStore(container, scope));
        AddPrivate<IPublicationRecordStore>(folder => new FolderPublicationRecordStore(folder), (container, scope) => new BlobPublicationRecordStore(container, scope));
        AddPrivate<ISourceMemoryStore>(folder => new FolderSourceMemoryStore(folder), (container, scope) => new BlobSourceMemoryStore(container, scope));
        AddPrivate<IFeedLocks>(_ => new UnsharedFeedLocks(), (container, scope) => new BlobFeedLocks(container, scope));
        return services;

        // A store of the publisher's own data: in the private folder, or in the private state container.
        void AddPrivate<T>(Func<string, T> inFolder, Func<BlobContainerClient, string, T> inContainer)
            where T : class =>
            services.TryAddSingleton(provider => provider.GetRequiredService<PrivateFolderPath>().Value is { } folder
                ? inFolder(folder)
                : inContainer(Blobs(provider).GetBlobContainerClient(options(provider).Storage.EffectiveStateContainer), options(provider).Storage.Container));
    }

    private static BlobServiceClient Blobs(IServiceProvider provider) => provider.GetRequiredService<BlobServiceClient>();

    /// <summary>The private folder in use, prepared once for all the folder stores; <see langword="null"/> when publishing to storage.</summary>
    private sealed record PrivateFolderPath(string? Value);
}
