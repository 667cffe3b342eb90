namespace Syndication.Feeds.Derived;

/// <summary>
/// The feeds made from the articles of the folder feeds (configuration section <c>Syndication:Derived</c>): one per
/// tag, one per author, and one of every article. Each switch is the newsroom's default; a feed's <c>feed.json</c> can
/// say otherwise for its own articles with <c>"derived": { "tags": …, "authors": …, "all": … }</c>.
/// </summary>
public sealed class DerivedFeedOptions
{
    /// <summary>Whether articles go to a feed per tag, <c>tags/&lt;slug&gt;/</c>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Tags { get; set; }

    /// <summary>Whether articles go to a feed per author, <c>authors/&lt;slug&gt;/</c>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Authors { get; set; }

    /// <summary>Whether articles go to the feed of every article, <c>all/</c>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool All { get; set; }

    /// <summary>
    /// The site the derived feeds link to (their RSS <c>link</c>, Atom alternate and JSON Feed <c>home_page_url</c>).
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the link the feeds it draws from share, else the root of their
    /// common site (scheme and host), else the page listing every feed.
    /// </value>
    public Uri? Link { get; set; }
}
