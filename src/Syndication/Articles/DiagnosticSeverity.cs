namespace Syndication.Articles;

/// <summary>How serious a problem found in the source files is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file still publishes, with the repair the message describes.</summary>
    Warning,

    /// <summary>The file (an article, or a whole feed for <c>feed.json</c>) cannot be published and is skipped.</summary>
    Error,
}
