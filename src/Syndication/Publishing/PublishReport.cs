using Syndication.Articles;

namespace Syndication.Publishing;

/// <summary>The outcome of one publishing pass.</summary>
/// <param name="Feeds">One result per feed that could be read.</param>
/// <param name="Diagnostics">Problems found in the source files.</param>
/// <param name="FeedListUrls">The public URLs of the page and the OPML list of all feeds.</param>
public sealed record PublishReport(IReadOnlyList<FeedPublishResult> Feeds, IReadOnlyList<SourceDiagnostic> Diagnostics, IReadOnlyList<Uri> FeedListUrls)
{
    /// <summary>How many articles are held because their <c>published</c> date is still to come.</summary>
    public int Held { get; init; }

    /// <summary>When the first held article is due, or <see langword="null"/> when none is held.</summary>
    public DateTimeOffset? NextRelease { get; init; }

    /// <summary>
    /// Whether the run was a dry run (<see cref="SyndicationOptions.DryRun"/>), which wrote nothing: its results tell
    /// what would have been uploaded, deleted and notified.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The names of the documents of the list of all feeds (<c>index.html</c>, <c>feeds.opml</c>, the derived folders'
    /// pages, the extension's page) uploaded by the run (in a dry run, that would be); filled in every run.
    /// </summary>
    public IReadOnlyList<string> FeedListUploadNames { get; init; } = [];

    /// <summary>Whether every feed was published and no source file was skipped.</summary>
    public bool Succeeded => Feeds.All(f => f.Succeeded) && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
