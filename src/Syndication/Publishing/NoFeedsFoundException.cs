namespace Syndication.Publishing;

/// <summary>
/// A run found no feed at all in its source (no folder with a <c>feed.json</c>): a feeds folder not mounted, emptied or
/// mistyped, or an empty inbox. Publishing it would rewrite the list of all feeds with none, so the run is refused
/// unless <see cref="SyndicationOptions.AllowNoFeeds"/> says that no feed is intended.
/// </summary>
public sealed class NoFeedsFoundException : InvalidOperationException
{
    /// <summary>A refusal of a run over <paramref name="location"/>.</summary>
    public NoFeedsFoundException(string location)
        : base($"No feed found in {location}: no folder in it holds a feed.json. Publishing would list no feed in index.html and feeds.opml; "
               + "check that the feeds folder is mounted and is the one meant, or set Syndication:AllowNoFeeds=true if no feed is intended.")
    {
        Location = location;
    }

    /// <summary>Where the feeds were looked for.</summary>
    public string Location { get; }
}
