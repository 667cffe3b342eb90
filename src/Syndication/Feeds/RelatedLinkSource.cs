namespace Syndication.Feeds;

/// <summary>Where a related link came from.</summary>
internal enum RelatedLinkSource
{
    /// <summary>The editor gave the URL with the title.</summary>
    Explicit,

    /// <summary>The title matched an article in one of the feeds.</summary>
    TitleMatch,

    /// <summary>No match: the URL is the feed's article link pattern applied to the title's slug.</summary>
    SlugFallback,

    /// <summary>Not named by the editor: found by text similarity across every feed.</summary>
    Computed,
}
