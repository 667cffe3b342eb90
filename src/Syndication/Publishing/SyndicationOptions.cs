using Syndication.Articles;
using Syndication.Feeds.Related;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>The publisher's settings (configuration section <c>Syndication</c>).</summary>
public sealed class SyndicationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Syndication";

    /// <summary>The folder holding one sub-folder per feed; relative paths are relative to the current directory.</summary>
    /// <value>The default value is <c>feeds</c>.</value>
    public string FeedsPath { get; set; } = "feeds";

    /// <summary>
    /// Where the container is served publicly (a CDN or static website URL), used for self links and logged URLs;
    /// a document's URL is this followed by <c>/&lt;feed&gt;/rss.xml</c>.
    /// </summary>
    /// <value>The default value is the container's own URL.</value>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The title of the page and the OPML list that gather every feed at the container's root.</summary>
    /// <value>The default value is <c>Feeds</c>.</value>
    public string Title { get; set; } = "Feeds";

    /// <summary>How often the worker publishes; also the RSS <c>ttl</c>.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A blob container to read articles from instead of <see cref="FeedsPath"/>.</summary>
    public SourceOptions Source { get; set; } = new();

    /// <summary>
    /// How long <c>syndication publish</c> waits for another worker to finish a feed it is writing (one writer per
    /// feed at a time); <c>syndication run</c> never waits and leaves that feed to the other worker.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan LeaseWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The WebSub hub to announce and notify.</summary>
    public WebSubOptions WebSub { get; set; } = new();

    /// <summary>Storage settings.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>How many entries the subscription documents hold; older entries go to archive pages (RFC 5005) of this size.</summary>
    /// <value>The default value is 50.</value>
    public int PageSize { get; set; } = 50;

    /// <summary>The guard against removing much of a feed in one run.</summary>
    public DeletionOptions Deletion { get; set; } = new();

    /// <summary>How related articles are computed across feeds.</summary>
    public RelatedOptions Related { get; set; } = new();

    /// <summary>Limits for reading articles.</summary>
    public ArticleParserOptions Articles { get; set; } = new();
}
