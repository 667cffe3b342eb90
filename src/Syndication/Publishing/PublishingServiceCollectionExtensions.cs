using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Publishing;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication;

/// <summary>Composes the publishing pipeline: where articles come from, where documents and state go, and the steps between.</summary>
public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FeedPublisher"/> and what it needs, chosen by the registered <see cref="SyndicationOptions"/>:
    /// articles from the feeds folder or an inbox container, documents and state to a local output folder or to storage,
    /// or, in a dry run, compared with them and written nowhere.
    /// </summary>
    /// <remarks>The storage client is made only when something uses storage, so <c>publish --out DIR</c> needs no storage setting.</remarks>
    public static IServiceCollection AddFeedPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ArticleParser(Options(provider).Articles));
        services.AddStores(Options, Logger);
        services.AddFeedSource(Options, Logger);

        // A dry run reads through the real stores and writes nowhere.
        services.TryAddSingleton(provider => new DryRunStorage(provider.GetRequiredService<IDocumentStore>(), provider.GetRequiredService<IFeedStateStore>(),
            provider.GetRequiredService<IPublicationRecordStore>(), provider.GetRequiredService<IArticleCopyStore>()));

        services.TryAddSingleton(provider => new FeedStateSession(Store<IFeedStateStore>(provider), Options(provider).Deletion,
            provider.GetRequiredService<TimeProvider>(), Logger(provider)));
        services.TryAddSingleton(provider => new ArticleCopies(provider.GetRequiredService<IFeedSource>(), Store<IArticleCopyStore>(provider),
            Store<IFeedStateStore>(provider), provider.GetRequiredService<ArticleParser>(), Logger(provider)));
        services.TryAddSingleton(provider => new PublicationPlanner(Store<IDocumentStore>(provider), Store<IPublicationRecordStore>(provider),
            Store<IFeedStateStore>(provider)));
        services.TryAddSingleton(provider => new FeedListPublisher(Store<IDocumentStore>(provider), provider.GetRequiredService<PublicationPlanner>(), Logger(provider)));
        services.TryAddSingleton(provider => new FeedWriter(Options(provider), Store<IDocumentStore>(provider), Store<IFeedLocks>(provider),
            provider.GetRequiredService<PublicationPlanner>(), Logger(provider)));
        services.TryAddSingleton(provider => new DerivedFeedPublisher(Options(provider), provider.GetRequiredService<FeedWriter>(), provider.GetRequiredService<FeedStateSession>(),
            Store<IFeedStateStore>(provider), provider.GetRequiredService<PublicationPlanner>(), Logger(provider)));
        // One client for the process: notifications reuse its connections.
        services.TryAddSingleton(provider => new WebSubNotifier(new HttpClient(), Options(provider).WebSub, provider.GetRequiredService<TimeProvider>(), Logger(provider)));
        services.TryAddSingleton(provider => new SourceMemoryKeeper(provider.GetRequiredService<IFeedSource>(), provider.GetRequiredService<ISourceMemoryStore>(),
            Options(provider), Logger(provider)));
        services.TryAddSingleton(provider => new FeedPublisher(provider.GetRequiredService<IOptions<SyndicationOptions>>(), provider.GetRequiredService<IFeedSource>(),
            Store<IDocumentStore>(provider), Store<IFeedStateStore>(provider), provider.GetRequiredService<FeedWriter>(),
            provider.GetRequiredService<DerivedFeedPublisher>(), provider.GetRequiredService<FeedStateSession>(), provider.GetRequiredService<ArticleCopies>(), provider.GetRequiredService<PublicationPlanner>(),
            provider.GetRequiredService<FeedListPublisher>(), provider.GetRequiredService<WebSubNotifier>(), provider.GetRequiredService<SourceMemoryKeeper>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<FeedPublisher>>()));
        return services;
    }

    /// <summary>The registered store, or in a dry run (<see cref="SyndicationOptions.DryRun"/>) the same store with its writes left out.</summary>
    private static T Store<T>(IServiceProvider provider)
        where T : class =>
        Options(provider).DryRun ? (T)(object)provider.GetRequiredService<DryRunStorage>() : provider.GetRequiredService<T>();

    private static SyndicationOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<SyndicationOptions>>().Value;

    // The steps log under the publisher's category: operators filter one category for the whole pass.
    private static ILogger Logger(IServiceProvider provider) => provider.GetRequiredService<ILogger<FeedPublisher>>();
}
