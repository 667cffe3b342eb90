using Syndication.Articles;
using Syndication.Sources;

namespace Syndication.Tests;

/// <summary>A feeds folder read as the publisher reads it, for the tests that build content synchronously.</summary>
internal static class FolderCatalog
{
    // The source awaits nothing but its own parallel loop on the thread pool, so waiting on it here cannot deadlock.
    public static FeedCatalog Read(string path) =>
        new FolderFeedSource(path, new ArticleParser()).ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
}
