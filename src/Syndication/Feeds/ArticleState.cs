namespace Syndication.Feeds;

/// <summary>What the publisher remembers of one article between runs and machines.</summary>
internal sealed class ArticleState
{
    /// <summary>When the publisher first saw the article: its date when it has none, and the date in its id.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>When the article's file last changed after it was first seen, if it has.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Whether the article's file was gone at the last run (its entry is kept so that it keeps its date if it returns).</summary>
    public bool Removed { get; set; }

    /// <summary>
    /// The articles (<c>&lt;feed&gt;/&lt;file&gt;</c>) computed as related when this one was first published or last
    /// changed; kept, so that newer articles never change an archived entry. <see langword="null"/> until computed.
    /// </summary>
    public List<string>? Related { get; set; }

    /// <summary>SHA-256 of the article file as last seen.</summary>
    public string ContentHash { get; set; } = string.Empty;
}
