using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Syndication.Storage;

/// <summary>Registers the stores: in a local output folder when one is given, else in the storage account.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the document store and the stores of the publisher's own data (feed states, article copies, publication
    /// records, locks), chosen when first resolved from the <paramref name="outputPath"/> and <paramref name="storage"/> settings.
    /// </summary>
    /// <remarks>The storage client is made only when something uses storage, so a local output folder needs no storage setting.</remarks>
    public static IServiceCollection AddStores(this IServiceCollection services, Func<IServiceProvider, string?> outputPath, Func<IServiceProvider, StorageOptions> storage)
    {
        services.TryAddSingleton(provider => BlobServiceClientFactory.Create(storage(provider)));
        services.TryAddSingleton<IDocumentStore>(provider => outputPath(provider) is { } output
            ? new FolderDocumentStore(output)
            : new BlobDocumentStore(Blobs(provider).GetBlobContainerClient(storage(provider).Container), storage(provider)));
        AddPrivate<IFeedStateStore>(output => new FolderFeedStateStore(output), (container, scope) => new BlobFeedStateStore(container, scope));
        AddPrivate<IArticleCopyStore>(output => new FolderArticleCopyStore(output), (container, scope) => new BlobArticleCopyStore(container, scope));
        AddPrivate<IPublicationRecordStore>(output => new FolderPublicationRecordStore(output), (container, scope) => new BlobPublicationRecordStore(container, scope));
        AddPrivate<IFeedLocks>(_ => new UnsharedFeedLocks(), (container, scope) => new BlobFeedLocks(container, scope));
        return services;

        // A store of the publisher's own data: under the output folder, or in the private state container.
        void AddPrivate<T>(Func<string, T> inFolder, Func<BlobContainerClient, string, T> inContainer)
            where T : class =>
            services.TryAddSingleton(provider => outputPath(provider) is { } output
                ? inFolder(output)
                : inContainer(Blobs(provider).GetBlobContainerClient(storage(provider).EffectiveStateContainer), storage(provider).Container));
    }

    private static BlobServiceClient Blobs(IServiceProvider provider) => provider.GetRequiredService<BlobServiceClient>();
}
