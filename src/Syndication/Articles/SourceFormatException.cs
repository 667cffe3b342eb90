using System.Globalization;

namespace Syndication.Articles;

/// <summary>Thrown when a source file (an article or a <c>feed.json</c>) cannot be read as what it should be.</summary>
internal sealed class SourceFormatException : FormatException
{
    /// <summary>Creates the exception for a problem in <paramref name="file"/>.</summary>
    public SourceFormatException(string file, int? line, string detail, Exception? innerException = null)
        : base(Describe(file, line, detail), innerException)
    {
        File = file;
        Line = line;
        Detail = detail;
    }

    /// <summary>The path of the file.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, when it has one.</summary>
    public int? Line { get; }

    /// <summary>The problem, without the location.</summary>
    public string Detail { get; }

    /// <summary>The problem as a diagnostic that skips the file.</summary>
    public SourceDiagnostic ToDiagnostic() => new(DiagnosticSeverity.Error, File, Line, Detail);

    private static string Describe(string file, int? line, string detail) =>
        line is int l ? string.Create(CultureInfo.InvariantCulture, $"{file}:{l}: {detail}") : $"{file}: {detail}";
}
