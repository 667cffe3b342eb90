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
        ArgumentNullException.ThrowIfNull(lines);
        var reader = new Reader();
        for (var i = 0; i < lines.Count; i++)
        {
            if (reader.Next(lines[i]) > MaxDepth)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The nesting of each of <paramref name="lines"/> (0 for blank lines and fenced code), as far as it is read.</summary>
    public static IEnumerable<int> DepthOfEach(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var reader = new Reader();
        foreach (var line in lines)
        {
            yield return reader.Next(line);
        }
    }

    /// <summary>Reads lines in order, keeping what the lines before leave open; nothing is allocated for a line.</summary>
    private sealed class Reader
    {
        // The column of each list item open, innermost on top: an item opens inside those whose marker is to its left.
        private readonly Stack<int> _items = new();
        private char? _fence;
        private bool _afterBlank;

        /// <summary>The nesting of <paramref name="line"/>, the line after those read before.</summary>
        public int Next(string line)
        {
            var indent = IndentOf(line);
            if (indent < line.Length && indent <= 3 && line.Length - indent >= 3 && line[indent] is '`' or '~'
                && line[indent + 1] == line[indent] && line[indent + 2] == line[indent])
            {
                _fence = _fence == line[indent] ? null : _fence ?? line[indent];
                return 0;
            }

            if (_fence is not null || indent == line.Length)
            {
                _afterBlank |= _fence is null;
                return 0; // fenced code, or a blank line, which leaves lists open
            }

            // The quote and list markers that open the line, each followed by at most four spaces.
            var quotes = 0;
            var markers = 0;
            for (var i = indent; i < line.Length;)
            {
                var next = MarkerEnd(line, i);
                if (next < 0)
                {
                    break;
                }

                markers++;
                if (line[i] == '>')
                {
                    quotes++;
                }
                else
                {
                    // An item closes the items at its column or to its right: its siblings and their children.
                    while (_items.Count > 0 && _items.Peek() >= i)
                    {
                        _items.Pop();
                    }

                    _items.Push(i);
                }

                var spaces = 0;
                i = next;
                while (i < line.Length && line[i] is ' ' or '\t' && spaces < 4)
                {
                    (i, spaces) = (i + 1, spaces + 1);
                }
            }

            if (markers == 0 && indent == 0 && _afterBlank)
            {
                _items.Clear(); // a paragraph at the margin after a blank line ends the lists
                _afterBlank = false;
                return 0;
            }

            _afterBlank = false;
            return _items.Count + quotes;
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
