using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// One page of a <see cref="Feed"/>, ready to be written in any format: the subscription page (the newest entries)
/// or an archive page (RFC 5005), with its own date and entries, newest first.
/// </summary>
internal sealed record FeedPage
{
    /// <summary>The feed the page is cut from: its definition and id are every page's.</summary>
    public required Feed Feed { get; init; }

    /// <summary>The newest entry's <see cref="FeedEntry.Updated"/> (the feed's creation when it has no entries).</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The page's entries, newest first.</summary>
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>What <c>feed.json</c> says.</summary>
    public FeedDefinition Definition => Feed.Definition;

    /// <summary>The stable id of the feed (an absolute URI).</summary>
    public Uri Id => Feed.Id;

    /// <summary>The feed's name (its folder, and its documents' prefix).</summary>
    public string Name => Feed.Name;
}
