using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests;

/// <summary>The sample feed of the repository (with the seed article), built as the publisher builds it.</summary>
internal static class SeedFeed
{
    public static readonly DateTimeOffset FirstPublished = new(2026, 11, 20, 8, 15, 30, TimeSpan.Zero);

    public static readonly FeedUrls Urls = FeedUrls.For(new Uri("http://127.0.0.1:10000/devstoreaccount1/feeds"), "world");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static FeedPage Build()
    {
        var catalog = FolderCatalog.Read(RepositoryPaths.Feeds);
        var world = catalog.Feeds.Single(f => f.Definition.Name == "world");
        var state = new FeedState();
        FeedStateUpdater.Apply(state, world.Articles, FirstPublished);
        return new FeedBuilder(new RelatedLinkResolver(catalog), new HtmlContentSanitizer()).Build(world, state).AsPage();
    }

    /// <summary><paramref name="page"/> as if its <c>feed.json</c> gave these images (or none).</summary>
    public static FeedPage WithImages(FeedPage page, string? icon, string? logo) =>
        page with
        {
            Feed = page.Feed with
            {
                Definition = page.Definition with { Icon = icon is null ? null : new Uri(icon), Logo = logo is null ? null : new Uri(logo) },
            },
        };

    public static FeedEntry SeedEntry(FeedPage content) =>
        content.Entries.Single(e => e.SourceFile.EndsWith("000_1cfd89721070237b.txt", StringComparison.Ordinal));
}
