namespace Syndication.Formats;

/// <summary>The feed formats published for every feed.</summary>
internal enum FeedFormat
{
    /// <summary>RSS 2.0.</summary>
    Rss,

    /// <summary>Atom 1.0.</summary>
    Atom,

    /// <summary>JSON Feed 1.1.</summary>
    Json,
}
