using System.Buffers;
using System.Text;

namespace Syndication.Articles;

/// <summary>Small operations on plain text that article reading and feed writing share.</summary>
internal static class PlainText
{
    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> HtmlSpecialWithQuotes = SearchValues.Create("&<>\"");

    /// <summary>Encodes text for an HTML text node or a quoted attribute; letters outside ASCII stay as they are.</summary>
    /// <param name="text">The plain text.</param>
    /// <param name="quotes">Whether to encode <c>"</c> too (needed in attributes, not in text nodes).</param>
    public static string HtmlEncode(string text, bool quotes = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var special = quotes ? HtmlSpecialWithQuotes : HtmlSpecial;
        var first = text.AsSpan().IndexOfAny(special);
        if (first < 0)
        {
            return text;
        }

        // Feeds encode every summary and title: sized once and filled run by run, not a builder grown char by char.
        var length = text.Length;
        for (var i = first; i < text.Length; i++)
        {
            length += text[i] switch
            {
                '&' => 4,
                '<' or '>' => 3,
                '"' when quotes => 5,
                _ => 0,
            };
        }

        return string.Create(length, (text, first, special), static (destination, state) =>
        {
            var source = state.text.AsSpan();
            var next = state.first;
            while (next >= 0)
            {
                source[..next].CopyTo(destination);
                destination = destination[next..];
                var entity = source[next] switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => "&quot;",
                };
                entity.CopyTo(destination);
                destination = destination[entity.Length..];
                source = source[(next + 1)..];
                next = source.IndexOfAny(state.special);
            }

            source.CopyTo(destination);
        });
    }

    /// <summary>
    /// Removes the characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; lone
    /// surrogates; U+FFFE and U+FFFF), which would make a feed document unreadable, and the controls it discourages
    /// (DEL and the C1 controls U+0080 to U+009F but the next-line U+0085, which is white space), which are invisible,
    /// almost always Windows-1252 text decoded wrongly, and which the W3C validator reports as bad characters.
    /// </summary>
    /// <param name="text">The text to clean.</param>
    /// <param name="removed">How many characters were removed.</param>
    public static string RemoveInvalidXmlCharacters(string text, out int removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        removed = 0;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = char.IsHighSurrogate(c)
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c)
                    ? i > 0 && char.IsHighSurrogate(text[i - 1])
                    : c is '\t' or '\n' or '\r' or '\u0085' or (>= ' ' and < '\u007F') or (> '\u009F' and < '\uFFFE');
            if (valid)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            removed++;
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>The text of an HTML fragment: tags dropped, character references decoded, white space collapsed.</summary>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return CollapseWhiteSpace(System.Net.WebUtility.HtmlDecode(builder.ToString()));
    }

    /// <summary>Joins lines and collapses every run of white space into one space.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Shortens text to at most <paramref name="maxLength"/> characters, cutting at the last word boundary and
    /// ending with an ellipsis; text that fits is returned unchanged.
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var limit = maxLength - 1; // room for the ellipsis
        var cut = text.LastIndexOf(' ', limit);
        if (cut <= 0)
        {
            cut = char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(" ,;:.-–—"), "…");
    }
}
