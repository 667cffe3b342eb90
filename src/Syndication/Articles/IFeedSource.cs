namespace Syndication.Articles;

/// <summary>Where feeds and their articles are read from: a local folder, or a blob container shared by several workers.</summary>
public interface IFeedSource
{
    /// <summary>Where the source is, for logs and messages (a folder path or a container URL; never a secret).</summary>
    string Location { get; }

    /// <summary>
    /// A hash of every file the feeds are read from, and the feeds' names, found without parsing anything: when the
    /// hash is the same as at the last publication, nothing needs reading.
    /// </summary>
    Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken);

    /// <summary>Reads every feed and article.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="previous">An earlier read: articles whose files did not change since may be reused rather than parsed again.</param>
    Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken, FeedCatalog? previous = null);

    /// <summary>The bytes of one article file (as read now), or <see langword="null"/> when it is gone.</summary>
    Task<byte[]?> ReadBytesAsync(string feed, string fileName, CancellationToken cancellationToken);

    /// <summary>Reads one feed again, or returns <see langword="null"/> when it is gone or unreadable.</summary>
    /// <param name="name">The feed.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="previous">An earlier read: articles whose files did not change since may be reused rather than parsed again.</param>
    Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken, SourceFeed? previous = null);
}
