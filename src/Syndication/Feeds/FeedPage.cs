using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// One page of a feed, ready to be written in any format: the subscription page (the newest entries) or an archive
/// page (RFC 5005), with the feed's definition and id, the page's date and its entries, newest first.
/// </summary>
internal sealed record FeedPage
{
    /// <summary>What <c>feed.json</c> says.</summary>
    public required FeedDefinition Definition { get; init; }

    /// <summary>The stable id of the feed (an absolute URI).</summary>
    public required Uri Id { get; init; }

    /// <summary>The newest entry's <see cref="FeedEntry.Updated"/> (the feed's creation when it has no entries).</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The page's entries, newest first.</summary>
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>The feed's name (its folder, and its documents' prefix).</summary>
    public string Name => Definition.Name;
}
