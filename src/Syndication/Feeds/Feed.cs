using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>A feed with every entry resolved: its definition, id, date and entries, newest first. <see cref="FeedPaging"/> cuts it into the pages that are written.</summary>
internal sealed record Feed
{
    /// <summary>What <c>feed.json</c> says.</summary>
    public required FeedDefinition Definition { get; init; }

    /// <summary>The stable id of the feed (an absolute URI).</summary>
    public required Uri Id { get; init; }

    /// <summary>
    /// The newest entry's <see cref="FeedEntry.Updated"/> (the feed's creation when it has no entries): never the
    /// current time, so the same input gives the same bytes.
    /// </summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The entries, newest first.</summary>
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>The feed's name (its folder, and its blobs' prefix).</summary>
    public string Name => Definition.Name;

    /// <summary>The whole feed as one page, for writing a feed without archives.</summary>
    public FeedPage AsPage() => new() { Feed = this, Updated = Updated, Entries = Entries };
}
