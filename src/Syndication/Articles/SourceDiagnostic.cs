using System.Globalization;

namespace Syndication.Articles;

/// <summary>A problem found in a source file, located by file and, where it applies, line.</summary>
/// <param name="Severity">Whether the file is skipped (<see cref="DiagnosticSeverity.Error"/>) or repaired.</param>
/// <param name="File">The path of the file, as it was given to the reader.</param>
/// <param name="Line">The 1-based line the problem is on, when it is on one line.</param>
/// <param name="Message">What is wrong and what was done about it.</param>
public sealed record SourceDiagnostic(DiagnosticSeverity Severity, string File, int? Line, string Message)
{
    /// <summary>Formats the problem as <c>file:line: severity: message</c>, the shape compilers use.</summary>
    public override string ToString()
    {
        var location = Line is int line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}") : File;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{location}: {severity}: {Message}";
    }
}
