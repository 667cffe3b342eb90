using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>Where feeds and their articles are read from: a local folder, or a blob container shared by several workers.</summary>
/// <remarks>
/// A source lives as long as the worker and remembers its last read: a run reads again only the files that changed
/// since, and keeps the bytes it read for the run's later steps. Files count by the rules of <see cref="SourceFileRules"/>.
/// </remarks>
internal interface IFeedSource
{
    /// <summary>Where the source is, for logs and messages (a folder path or a container URL; never a secret).</summary>
    string Location { get; }

    /// <summary>
    /// A hash of every file the feeds are read from, and the feeds' names, found without parsing anything: when the
    /// hash is the same as at the last publication, nothing needs reading. Starts a run.
    /// </summary>
    Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken);

    /// <summary>Reads every feed, reusing the articles whose files did not change since the source last read them.</summary>
    Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads one feed again (once its lease is held), reusing what did not change since the last read; <see langword="null"/>
    /// when the feed is gone.
    /// </summary>
    /// <param name="name">The feed.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken);

    /// <summary>
    /// The bytes of an article file, only if they still hash to <paramref name="contentHash"/> (<see cref="Article.ContentHash"/>);
    /// otherwise, or when the file is gone, <see langword="null"/>. They may be the bytes the run read already.
    /// </summary>
    Task<ReadOnlyMemory<byte>?> ReadBytesAsync(string feed, string fileName, string contentHash, CancellationToken cancellationToken);

    /// <summary>The files whose stamps a later process can trust, with their hashes (see <see cref="SourceMemory"/>).</summary>
    IReadOnlyList<RememberedFile> Remembered() => [];

    /// <summary>Takes what an earlier process remembered, for the files this source does not remember itself.</summary>
    void Recall(IEnumerable<RememberedFile> files)
    {
    }

    /// <summary>The articles the source read without a problem to report, each remembered with its file's hash, by feed.</summary>
    IReadOnlyDictionary<string, List<Article>> RememberedArticles() => new Dictionary<string, List<Article>>();

    /// <summary>
    /// Takes articles an earlier process read, each for the file it names whose remembered hash is the article's
    /// <see cref="Article.ContentHash"/> and which this source has not read itself.
    /// </summary>
    void RecallArticles(string feed, IEnumerable<Article> articles)
    {
    }
    /// <summary>
    /// Ends a run that read the source, once its feeds are published: what told the source of the run's changes (the
    /// event-driven inbox's queue messages) may go, except what concerns <paramref name="failedFeeds"/>, kept for a
    /// later run. Not called after a run that failed as a whole. A failure to settle is logged, never thrown.
    /// </summary>
    Task CompleteRunAsync(IReadOnlyCollection<string> failedFeeds, CancellationToken cancellationToken) => Task.CompletedTask;
}
