using Syndication.Articles;

namespace Syndication.Publishing;

/// <summary>The outcome of one publishing pass.</summary>
/// <param name="Feeds">One result per feed that could be read.</param>
/// <param name="Diagnostics">Problems found in the source files.</param>
/// <param name="FeedListUrls">The public URLs of the page and the OPML list of all feeds.</param>
public sealed record PublishReport(IReadOnlyList<FeedPublishResult> Feeds, IReadOnlyList<SourceDiagnostic> Diagnostics, IReadOnlyList<Uri> FeedListUrls)
{
    /// <summary>Whether every feed was published and no source file was skipped.</summary>
    public bool Succeeded => Feeds.All(f => f.Succeeded) && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
