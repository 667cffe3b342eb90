using System.Buffers;
using System.Text;

namespace Syndication.Articles;

/// <summary>Small operations on plain text that article reading and feed writing share.</summary>
internal static class PlainText
{
    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> HtmlSpecialWithQuotes = SearchValues.Create("&<>\"");

    /// <summary>
    /// The characters <see cref="RemoveInvalidXmlCharacters"/> must look at: the controls it removes, U+FFFE, U+FFFF and
    /// surrogates (valid only in pairs). Every other character is valid wherever it stands.
    /// </summary>
    private static readonly SearchValues<char> NeedsALook = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0xD800, 0x800)).Concat([0xFFFE, 0xFFFF])
            .Select(c => (char)c).Except("\t\n\r").ToArray());

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
    /// (DEL and the C1 controls U+0080 to U+009F), which are invisible, almost always Windows-1252 text decoded wrongly,
    /// and which the W3C validator reports as bad characters. That includes the next-line U+0085, white space by Unicode
    /// but an error in HTML ("invalid codepoint"): written raw, it is Windows-1252's ellipsis decoded wrongly.
    /// </summary>
    /// <param name="text">The text to clean.</param>
    /// <param name="removed">How many characters were removed.</param>
    public static string RemoveInvalidXmlCharacters(string text, out int removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        removed = 0;
        var source = text.AsSpan();
        var i = source.IndexOfAny(NeedsALook);
        if (i < 0)
        {
            return text;
        }

        // Every article's body passes here: the search skips the characters valid wherever they stand, vectorised,
        // and only surrogates and controls are looked at one by one.
        StringBuilder? builder = null;
        var kept = 0; // where the run of characters not yet copied to the builder starts
        while (i >= 0)
        {
            var c = source[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]);
            if (pair)
            {
                i++;
            }
            else
            {
                // A control, U+FFFE or U+FFFF, or a lone surrogate: a low one standing after a high one was taken with it.
                builder ??= new StringBuilder(source.Length);
                builder.Append(source[kept..i]);
                kept = i + 1;
                removed++;
            }

            var next = source[(i + 1)..].IndexOfAny(NeedsALook);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return builder?.Append(source[kept..]).ToString() ?? text;
    }

    /// <summary>The text of an HTML fragment: tags dropped, character references decoded, white space collapsed.</summary>
    /// <remarks>
    /// The related-article finder reads every new body through here, so tags are dropped by copying runs of text
    /// rather than characters one by one: a 4 MiB article of <c>&lt;</c> is 16 million characters of HTML.
    /// </remarks>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return CollapseWhiteSpace(System.Net.WebUtility.HtmlDecode(WithoutTags(html)));
    }

    /// <summary>Each tag (<c>&lt;</c> to the next <c>&gt;</c>) replaced by a space; a <c>&gt;</c> outside a tag is text.</summary>
    private static string WithoutTags(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        // A tag has at least one character and becomes one: the text is never longer than the HTML.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var length = 0;
            var rest = html.AsSpan();
            while (rest.IndexOf('<') is var open and >= 0)
            {
                rest[..open].CopyTo(buffer.AsSpan(length));
                length += open;
                buffer[length++] = ' ';
                rest = rest[(open + 1)..];
                var close = rest.IndexOf('>');
                rest = close < 0 ? [] : rest[(close + 1)..];
            }

            rest.CopyTo(buffer.AsSpan(length));
            return new string(buffer, 0, length + rest.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
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
