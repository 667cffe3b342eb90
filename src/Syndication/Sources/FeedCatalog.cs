using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>Everything read from the feeds folder in one pass.</summary>
/// <param name="Feeds">The feeds whose <c>feed.json</c> could be read, ordered by name.</param>
/// <param name="Diagnostics">Every problem found, in the order of the files.</param>
internal sealed record FeedCatalog(IReadOnlyList<SourceFeed> Feeds, IReadOnlyList<SourceDiagnostic> Diagnostics)
{
    /// <summary>The feed folders whose <c>feed.json</c> is there but could not be read, ordered by name.</summary>
    public IReadOnlyList<UndefinedFeed> Undefined { get; init; } = [];

    /// <summary>Whether any file was skipped.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
