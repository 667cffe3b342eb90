using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Publishing;

namespace Syndication.Sources;

/// <summary>Registers where articles are read from: an inbox container when one is named (told of its changes by an event queue when one is named too), else the feeds folder.</summary>
internal static class SourceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IFeedSource"/>, one for the process (it remembers its last read), chosen when first resolved
    /// from the <see cref="SyndicationOptions.Source"/> and <see cref="SyndicationOptions.FeedsPath"/> settings.
    /// </summary>
    /// <remarks>
    /// An inbox needs the <see cref="BlobServiceClient"/> the stores register; its event queue a <see cref="QueueServiceClient"/>,
    /// made here from the storage settings unless one is registered. A dry run reads the inbox by listing it: it takes
    /// no message and writes nothing to the journal.
    /// </remarks>
    public static IServiceCollection AddFeedSource(this IServiceCollection services, Func<IServiceProvider, SyndicationOptions> options, Func<IServiceProvider, ILogger> logger)
    {
        services.TryAddSingleton(provider => QueueServiceClientFactory.Create(options(provider).Storage));
        services.TryAddSingleton(InboxQueueLimits.Default);
        services.TryAddSingleton<IFeedSource>(provider =>
        {
            var settings = options(provider);
            var parser = provider.GetRequiredService<ArticleParser>();
            if (settings.Source.Container is not { } inbox)
            {
                return new FolderFeedSource(settings.FeedsPath, parser);
            }

            var blobs = provider.GetRequiredService<BlobServiceClient>();
            if (settings.Source.Queue is not { } queueName || settings.DryRun)
            {
                return new BlobFeedSource(blobs.GetBlobContainerClient(inbox), parser);
            }

            var limits = provider.GetRequiredService<InboxQueueLimits>();
            var queues = provider.GetRequiredService<QueueServiceClient>();
            var listing = new InboxListing();
            var queue = new InboxQueue(queues.GetQueueClient(queueName), queues.GetQueueClient(queueName + "-poison"), inbox, limits, logger(provider));
            // Documents in a local folder are written by this process alone: nobody to tell.
            var journal = settings.OutputPath is null
                ? new InboxJournal(blobs.GetBlobContainerClient(settings.Storage.EffectiveStateContainer), inbox, queueName, limits.JournalSegmentBlocks)
                : null;
            return new EventDrivenBlobFeedSource(new BlobFeedSource(blobs.GetBlobContainerClient(inbox), parser, listing), listing, queue, journal,
                provider.GetRequiredService<TimeProvider>(), settings.Source.ReconcileInterval, limits, logger(provider));
        });
        return services;
    }
}
