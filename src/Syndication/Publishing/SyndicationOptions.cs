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

    /// <summary>How often the worker publishes when <see cref="Schedule"/> is not set; also the RSS <c>ttl</c>.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When the worker publishes: an interval (<c>00:05:00</c>) or a cron expression (<c>*/5 * * * *</c>, or six fields with seconds).</summary>
    /// <value>The default value is <see langword="null"/>: every <see cref="Interval"/>.</value>
    public string? Schedule { get; set; }

    /// <summary>The time zone of a cron <see cref="Schedule"/> (IANA id such as <c>Europe/Berlin</c>).</summary>
    /// <value>The default value is <see langword="null"/>: UTC.</value>
    public string? TimeZone { get; set; }

    /// <summary>Whether the worker publishes soon after a file under the feeds folder changes (local folders only).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// How long the folder must be quiet after a change before the worker publishes, so a burst of changes makes one
    /// run; saves that never pause are published after ten of these at the latest.
    /// </summary>
    /// <value>The default value is half a second.</value>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a stopping worker lets uploads in flight finish before it exits.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A file where the worker records its last runs, read by <c>syndication health</c>; empty for none.
    /// </summary>
    /// <value>The default value is <c>syndication-health.json</c> in the system's temporary folder.</value>
    public string HealthFile { get; set; } = Path.Combine(Path.GetTempPath(), "syndication-health.json");

    /// <summary>The schedule read from <see cref="Schedule"/>, <see cref="TimeZone"/> and <see cref="Interval"/>.</summary>
    /// <exception cref="FormatException">The schedule cannot be read.</exception>
    public PublishSchedule ParseSchedule() => PublishSchedule.Parse(Schedule, Interval, TimeZone);

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

    /// <summary>
    /// A local folder to write the documents to instead of storage (<c>--out DIR</c>), with the same layout; the state
    /// is kept in its <c>.syndication</c> folder. No storage setting is needed.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: publish to storage.</value>
    public string? OutputPath { get; set; }

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
