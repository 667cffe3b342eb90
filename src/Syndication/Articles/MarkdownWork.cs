namespace Syndication.Articles;

/// <summary>
/// Bounds on the work Markdig would do, measured in one pass before it runs: for each link opener (<c>](</c>) Markdig
/// scans ahead for the destination to the next white space or line end, so a long line of openers costs the square
/// of its length (a 64 KiB line took 8 s, a 4 MiB one did not end within 60 s); and links, tags and blocks each cost Markdig about
/// as much as the sanitiser is then spared by <see cref="HtmlShape.MaxElements"/>.
/// </summary>
/// <remarks>
/// Each link, tag, table cell (<c>|</c>) and block counted makes one element at least, unless it is in code or is a
/// <c>|</c> outside a table; so an article refused here for
/// its elements would have been refused after Markdig too, but for what its code holds. The link scan counts to the
/// next white space, as far as Markdig may look.
/// </remarks>
internal static class MarkdownWork
{
    /// <summary>The most characters all link destinations together may make Markdig scan.</summary>
    public const long MaxLinkScan = 16L * 1024 * 1024;

    /// <summary>Why Markdig is not to be given <paramref name="markdown"/>, or <see langword="null"/> when it may be.</summary>
    public static string? TooMuch(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        long scan = 0;
        var elements = 0;
        var runEnd = markdown.Length; // where the run of characters without white space that holds i ends
        for (var i = markdown.Length - 1; i >= 0; i--)
        {
            var c = markdown[i];
            if (char.IsWhiteSpace(c))
            {
                runEnd = i;
            }
            else if (c == '(' && i > 0 && markdown[i - 1] == ']')
            {
                scan += runEnd - i;
                elements++;
            }
            else if (c == '|'
                || (c == '<' && i + 1 < markdown.Length && char.IsAsciiLetter(markdown[i + 1]))
                || (c == ':' && markdown.AsSpan(i).StartsWith("://", StringComparison.Ordinal))
                || (c == 'w' && markdown.AsSpan(i).StartsWith("www.", StringComparison.Ordinal)))
            {
                elements++; // a table cell, a tag, or a link Markdig makes of a bare URL
            }
        }

        // A line after a blank line starts a block (a paragraph, a list, a table...): one element at least.
        var blank = true;
        for (var start = 0; start < markdown.Length;)
        {
            var end = markdown.IndexOf('\n', start);
            end = end < 0 ? markdown.Length : end;
            var isBlank = markdown.AsSpan(start, end - start).IsWhiteSpace();
            elements += blank && !isBlank ? 1 : 0;
            blank = isBlank;
            start = end + 1;
        }

        if (scan > MaxLinkScan)
        {
            return $"its link openers ('](') would make Markdig scan {scan} characters, more than {MaxLinkScan}; put the links on lines of their own, or close them";
        }

        return elements > HtmlShape.MaxElements
            ? $"it has {elements} links, tags, table cells and blocks, more than the {HtmlShape.MaxElements} HTML elements an article may have (the sanitiser's time grows faster than that); split it"
            : null;
    }
}
