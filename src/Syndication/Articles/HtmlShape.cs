namespace Syndication.Articles;

/// <summary>
/// How many elements an article's HTML has and how deeply it nests them, measured in one pass before the HTML is
/// sanitised: the sanitiser's time grows faster than its input (about 40 µs an element at 5,000, 70 µs at 16,000, on
/// the 2-core machine the README names), and deep nesting makes an HTML parser rebuild its stack of open elements again
/// and again. An article past either limit is refused, naming the limit, rather than holding up its feed for minutes.
/// </summary>
/// <remarks>
/// A scan of the tags, not a parse: elements whose end tag may be left out (<c>p</c>, <c>li</c>, table rows and cells)
/// and void elements do not count as nesting, since an unclosed one does not nest the next. Comments and the text of
/// <c>script</c>, <c>style</c>, <c>textarea</c> and <c>title</c> hold no tags.
/// </remarks>
internal static class HtmlShape
{
    /// <summary>The most HTML elements one article may have.</summary>
    public const int MaxElements = 10_000;

    /// <summary>The most levels of HTML elements one article may nest.</summary>
    public const int MaxDepth = 128;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // elements whose end tag may be left out
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption",
        "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title" };

    /// <summary>The number of elements of <paramref name="html"/> and the deepest nesting of them.</summary>
    public static (int Elements, int Depth) Measure(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (elements, depth, deepest, i) = (0, 0, 0, 0);
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++; // a '<' that starts no tag
                continue;
            }

            var name = html[nameStart..nameEnd];
            var close = TagEnd(html, nameEnd);
            var nests = !NotNesting.Contains(name) && html[close - 1] != '/';
            if (closing)
            {
                depth -= nests && depth > 0 ? 1 : 0;
            }
            else
            {
                elements++;
                if (nests)
                {
                    deepest = Math.Max(deepest, ++depth);
                }

                if (RawText.Contains(name))
                {
                    var end = html.IndexOf("</" + name, close, StringComparison.OrdinalIgnoreCase);
                    close = end < 0 ? html.Length : end;
                }
            }

            i = close;
        }

        return (elements, deepest);
    }

    /// <summary>Just past the <c>&gt;</c> that ends the tag whose name ends at <paramref name="i"/> (quoted attribute values may hold one).</summary>
    private static int TagEnd(string html, int i)
    {
        char? quote = null;
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
