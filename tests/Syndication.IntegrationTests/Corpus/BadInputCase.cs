namespace Syndication.Tests.Corpus;

/// <summary>What must happen to an article (or a feed) of the bad-input corpus.</summary>
public enum Outcome
{
    /// <summary>It publishes, with no diagnostic.</summary>
    Published,

    /// <summary>It publishes, repaired, with a warning naming the file.</summary>
    Repaired,

    /// <summary>It is skipped, with an error naming the file.</summary>
    Skipped,
}

/// <summary>One case of the bad-input corpus: a file put beside the sample articles, and what must come of it.</summary>
/// <param name="Name">What the case is.</param>
/// <param name="Path">Where the file goes, relative to the feeds folder.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="Outcome">What must happen.</param>
/// <param name="Message">A fragment of the diagnostic's message, for <see cref="Outcome.Repaired"/> and <see cref="Outcome.Skipped"/>.</param>
/// <param name="Line">The line the diagnostic must name, where it applies.</param>
/// <param name="Title">The entry title that must (or, when skipped, must not) be in the feed.</param>
public sealed record BadInputCase(string Name, string Path, byte[] Content, Outcome Outcome, string? Message = null, int? Line = null, string? Title = null)
{
    public override string ToString() => Name;
}
