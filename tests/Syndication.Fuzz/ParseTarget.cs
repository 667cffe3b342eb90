using Syndication.Articles;

namespace Syndication.Fuzz;

/// <summary>
/// Bytes as an article file. The parser's contract: an article it cannot publish is an
/// <see cref="SourceFormatException"/> naming the file; any other exception escapes and is a finding.
/// </summary>
internal static class ParseTarget
{
    /// <summary>The same bytes are read as both formats: they share the front matter and related lines, not the body rules.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["fuzz/input.md", "fuzz/input.txt"];

    private static readonly ArticleParser Parser = new();

    /// <summary>Where replays describe what the parser made of each input; <see langword="null"/> under afl-fuzz.</summary>
    public static TextWriter? Log { get; set; }

    public static void Run(byte[] input)
    {
        foreach (var path in Paths)
        {
            _ = TryParse(path, input);
        }
    }

    /// <summary>The article, or <see langword="null"/> when the parser refuses the file with its typed error.</summary>
    public static Article? TryParse(string path, byte[] input)
    {
        var diagnostics = new List<SourceDiagnostic>();
        try
        {
            var article = Parser.Parse(path, input, diagnostics);
            Log?.WriteLine($"       {path}: \"{Shorten(article.Title)}\", {diagnostics.Count} warning(s)");
            return article;
        }
        catch (SourceFormatException e)
        {
            Log?.WriteLine($"       {path}: refused: {Shorten(e.Detail)}");
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
