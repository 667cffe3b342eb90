using System.ComponentModel.DataAnnotations;
using Syndication.Articles;
using Syndication.Feeds.Derived;
using Syndication.Feeds.Related;
using Microsoft.Extensions.Options;
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
    /// a document's URL is this followed by <c>/&lt;feed&gt;/rss.xml</c>. Required when publishing to <c>$web</c>: the
    /// static website endpoint, since that container's own URL is not served to readers.
    /// </summary>
    /// <value>The default value is the container's own URL.</value>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The page that documents the JSON Feed extension object <c>_syndication</c>, written as its <c>about</c> URL,
    /// which the JSON Feed specification asks of extensions. Set it to document the extension elsewhere, such as
    /// where the repository's <c>docs/json-feed-extension.md</c> is served.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: <c>about</c> is the page <c>json-feed-extension.html</c> that each
    /// run publishes at the container's root, beside <c>index.html</c> and <c>feeds.opml</c>.
    /// </value>
    public Uri? JsonFeedExtensionAbout { get; set; }

    /// <summary>The title of the page and the OPML list that gather every feed at the container's root.</summary>
    /// <value>The default value is <c>Feeds</c>.</value>
    public string Title { get; set; } = "Feeds";

    /// <summary>
    /// How long readers may cache a feed before they fetch it again: the RSS <c>ttl</c>, in whole minutes, of every
    /// feed whose <c>feed.json</c> sets no <c>ttl</c> (and of derived feeds whose sources do not all set the same one).
    /// A property of the feeds, never of a process's schedule, so every process writes the same documents.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A blob container to read articles from instead of <see cref="FeedsPath"/>.</summary>
    [ValidateObjectMembers]
    public SourceOptions Source { get; set; } = new();

    /// <summary>
    /// How long <c>syndication publish</c> waits for another worker to finish a feed it is writing (one writer per
    /// feed at a time); <c>syndication run</c> never waits and leaves that feed to the other worker.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan LeaseWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The WebSub hub to announce and notify.</summary>
    [ValidateObjectMembers]
    public WebSubOptions WebSub { get; set; } = new();

    /// <summary>
    /// Whether a run only tells what it would do (<c>--dry-run</c>): it reads the articles and the stored state,
    /// renders every feed and compares it with what is stored, and reports per feed the documents it would upload and
    /// delete and whether it would notify the WebSub hub. It writes nothing anywhere: no document, state, publication
    /// record or article copy, no container, no CORS rule, no lease (it never waits for a worker, nor makes one wait)
    /// and no hub notification.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool DryRun { get; set; }

    /// <summary>
    /// Whether a run that finds no feed at all (no folder with a <c>feed.json</c>) publishes the empty list of feeds.
    /// Otherwise it is refused (<see cref="NoFeedsFoundException"/>): an unmounted or emptied feeds folder must not
    /// unpublish every feed from the list.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowNoFeeds { get; set; }

    /// <summary>
    /// The feeds to publish (<c>--feed NAME</c>, repeatable), by name: a folder feed by its folder's name, a derived
    /// feed by its path such as <c>tags/ukraine</c> or <c>all</c>. The others are left as they are, their leases not
    /// taken. A derived feed named alone is built from its folder feeds as last published. A name no feed has fails
    /// the run before anything is written, naming the feeds there are.
    /// </summary>
    /// <value>The default value is empty: every feed.</value>
    public IList<string> OnlyFeeds { get; set; } = [];

    /// <summary>
    /// A local folder to write the documents to instead of storage (<c>--out DIR</c>), with the same layout, and
    /// nothing else: the publisher's own files are kept in <see cref="StatePath"/>. No storage setting is needed.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: publish to storage.</value>
    public string? OutputPath { get; set; }

    /// <summary>
    /// Where a run into <see cref="OutputPath"/> keeps its private files (<c>--state DIR</c>): the feed states that
    /// keep each article's first-published date, the publication records and the copies of the article files. It
    /// must lie outside the output folder, which is served, and outside the feeds folder. When it does not exist
    /// and the output folder has a <c>.syndication</c> folder (where earlier versions kept these files), that folder
    /// is moved here once. Only used with <see cref="OutputPath"/>: setting it when publishing to storage (whose
    /// private files are in <see cref="StorageOptions.StateContainer"/>) fails validation.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the folder <c>&lt;name&gt;.syndication-state</c> beside the output
    /// folder, such as <c>site.syndication-state</c> for <c>--out site</c>.
    /// </value>
    public string? StatePath { get; set; }

    /// <summary>
    /// The folder that holds the private files of a run into <see cref="OutputPath"/>: <see cref="StatePath"/>, or its
    /// default beside the output folder. <see langword="null"/> when publishing to storage, or when the output folder
    /// is a file system root and so has no default.
    /// </summary>
    public string? LocalStateFolder() =>
        string.IsNullOrWhiteSpace(OutputPath) ? null : Syndication.Storage.PrivateFolder.Of(OutputPath, StatePath);

    /// <summary>Storage settings.</summary>
    [ValidateObjectMembers]
    public StorageOptions Storage { get; set; } = new();

    /// <summary>How many entries the subscription documents hold; older entries go to archive pages (RFC 5005) of this size.</summary>
    /// <value>The default value is 50.</value>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 50;

    /// <summary>The guard against removing much of a feed in one run.</summary>
    [ValidateObjectMembers]
    public DeletionOptions Deletion { get; set; } = new();

    /// <summary>How related articles are computed across feeds.</summary>
    [ValidateObjectMembers]
    public RelatedOptions Related { get; set; } = new();

    /// <summary>The feeds per tag, per author and of every article, made from the folder feeds' articles.</summary>
    public DerivedFeedOptions Derived { get; set; } = new();

    /// <summary>Limits for reading articles.</summary>
    [ValidateObjectMembers]
    public ArticleParserOptions Articles { get; set; } = new();
}
