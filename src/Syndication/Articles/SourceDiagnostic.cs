using System.Globalization;

namespace Syndication.Articles;

/// <summary>A problem found in a source file, located by file and, where it applies, line.</summary>
/// <param name="Severity">Whether the file is skipped (<see cref="DiagnosticSeverity.Error"/>) or repaired.</param>
/// <param name="File">The path of the file, as it was given to the reader.</param>
/// <param name="Line">The 1-based line the problem is on, when it is on one line.</param>
/// <param name="Message">What is wrong and what was done about it.</param>
public sealed record SourceDiagnostic(DiagnosticSeverity Severity, string File, int? Line, string Message)
{
    /// <summary>
    /// The exception behind an error no rule of the readers expected (a fault in a library or in the publisher), to be
    /// logged with its stack trace; <see langword="null"/> for the problems the readers describe themselves.
    /// </summary>
    public Exception? Exception { get; init; }

    /// <summary>The feed of the article file the problem is in; <see langword="null"/> when it is not in an article file.</summary>
    public string? Feed { get; init; }

    /// <summary>The name of the article file the problem is in (<see cref="Article.FileName"/>, its key in <see cref="Feed"/>).</summary>
    public string? ArticleFile { get; init; }

    /// <summary>
    /// The error that skips <paramref name="file"/> because reading it threw <paramref name="exception"/>: the
    /// reader's own description for an <see cref="SourceFormatException"/>, otherwise the exception's type and message.
    /// </summary>
    /// <remarks>The one rule by which a failure stays inside its file: every reader turns what it catches into this.</remarks>
    public static SourceDiagnostic Of(string file, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is SourceFormatException known
            ? known.ToDiagnostic()
            : new SourceDiagnostic(DiagnosticSeverity.Error, file, null,
                $"the file could not be read: unexpected {exception.GetType().Name}: {exception.Message}") { Exception = exception };
    }

    /// <summary>Formats the problem as <c>file:line: severity: message</c>, the shape compilers use.</summary>
    public override string ToString()
    {
        var location = Line is int line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}") : File;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{location}: {severity}: {Message}";
    }
}
