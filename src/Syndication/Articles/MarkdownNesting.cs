namespace Syndication.Articles;

/// <summary>
/// How deeply a Markdown text nests block quotes and lists, measured in one pass before Markdig sees the text: Markdig
/// refuses nesting past its own limit only after work that grows with the nesting and the text (a line of 100,000
/// <c>" - "</c> took minutes), so nesting past <see cref="MaxDepth"/> is refused first.
/// </summary>
/// <remarks>
/// The measure is a bound, not a parse: on each line it counts the quote markers that open it (each after at most four
/// spaces) and the list items open around it: an item opens inside the items whose marker is to its left and closes
/// those at its column or to its right; only a paragraph at the margin after a blank line closes them all. Fenced code
/// is skipped. It may count more levels than Markdig opens, never fewer (a test holds it to that, with Markdig as the
/// oracle).
/// </remarks>
internal static class MarkdownNesting
{
    /// <summary>The most levels of block quotes and lists an article may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>The error for line <paramref name="line"/> of <paramref name="path"/>, nested deeper than <see cref="MaxDepth"/>.</summary>
    public static SourceFormatException TooDeepError(string path, int line) =>
        new(path, line, $"block quotes and lists are nested more than {MaxDepth} levels deep here");

    /// <summary>The index of the first of <paramref name="lines"/> nested deeper than <see cref="MaxDepth"/>, or <see langword="null"/>.</summary>
    public static int? TooDeep(IReadOnlyList<string> lines)
    {
        var i = 0;
        foreach (var depth in DepthOfEach(lines))
        {
            if (depth > MaxDepth)
            {
                return i;
            }

            i++;
        }

        return null;
    }

    /// <summary>The nesting of each of <paramref name="lines"/> (0 for blank lines and fenced code), as far as it is read.</summary>
    public static IEnumerable<int> DepthOfEach(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // The column of each list item open, innermost on top: an item opens inside those whose marker is to its left.
        var items = new Stack<int>();
        char? fence = null;
        var afterBlank = false;
        foreach (var line in lines)
        {
            var indent = IndentOf(line);
            if (indent < line.Length && indent <= 3 && line.Length - indent >= 3 && line[indent] is '`' or '~'
                && line[indent + 1] == line[indent] && line[indent + 2] == line[indent])
            {
                fence = fence == line[indent] ? null : fence ?? line[indent];
                yield return 0;
                continue;
            }

            if (fence is not null || indent == line.Length)
            {
                afterBlank |= fence is null;
                yield return 0; // fenced code, or a blank line, which leaves lists open
                continue;
            }

            var quotes = 0;
            var markers = 0;
            foreach (var (column, item) in MarkersOf(line, indent))
            {
                markers++;
                if (!item)
                {
                    quotes++;
                    continue;
                }

                // An item closes the items at its column or to its right: its siblings and their children.
                while (items.Count > 0 && items.Peek() >= column)
                {
                    items.Pop();
                }

                items.Push(column);
            }

            if (markers == 0 && indent == 0 && afterBlank)
            {
                items.Clear(); // a paragraph at the margin after a blank line ends the lists
                afterBlank = false;
                yield return 0;
                continue;
            }

            afterBlank = false;
            yield return items.Count + quotes;
        }
    }

    private static int IndentOf(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>The quote and list markers that open the line from <paramref name="start"/>: each one's column, and whether it is a list item's.</summary>
    private static IEnumerable<(int Column, bool Item)> MarkersOf(string line, int start)
    {
        var i = start;
        while (i < line.Length)
        {
            var next = MarkerEnd(line, i);
            if (next < 0)
            {
                yield break;
            }

            yield return (i, line[i] != '>');
            var spaces = 0;
            i = next;
            while (i < line.Length && line[i] is ' ' or '\t' && spaces < 4)
            {
                (i, spaces) = (i + 1, spaces + 1);
            }
        }
    }

    /// <summary>Where the quote or list marker at <paramref name="i"/> ends, or -1 when none starts there.</summary>
    private static int MarkerEnd(string line, int i)
    {
        if (line[i] == '>')
        {
            return i + 1;
        }

        var end = i;
        if (line[i] is '-' or '+' or '*')
        {
            end = i + 1;
        }
        else
        {
            while (end < line.Length && end - i < 9 && char.IsAsciiDigit(line[end]))
            {
                end++;
            }

            if (end == i || end == line.Length || line[end] is not ('.' or ')'))
            {
                return -1;
            }

            end++;
        }

        // A list marker is one when a space, a tab or the line's end follows it.
        return end == line.Length || line[end] is ' ' or '\t' or '\r' ? end : -1;
    }
}
