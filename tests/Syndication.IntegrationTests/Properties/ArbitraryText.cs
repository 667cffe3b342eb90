using System.Text;
using CsCheck;

namespace Syndication.Tests.Properties;

/// <summary>
/// Generators of arbitrary UTF-16 text, 0 to 5,000 code units long, biased towards the lengths where the writers
/// cut or grow a buffer and with the characters that break feeds (<c>&amp;</c>, <c>&lt;</c>, <c>]]&gt;</c>, lone and
/// paired surrogates, control characters, line and paragraph separators) at the start, the end and those boundaries.
/// </summary>
internal static class ArbitraryText
{
    public const int MaxLength = 5000;

    /// <summary>
    /// Where the writers cut or grow: <c>FeedXmlWriter</c>'s scratch buffer (64 characters, doubling) and
    /// <c>MediaContentSerializer</c>'s 1,024-character pieces.
    /// </summary>
    public static readonly int[] Boundaries = [64, 128, 256, 512, 1024, 2048, 4096];

    private static readonly string[] Specials =
    [
        "&", "<", ">", "]]>", "</b>", "<b>", "<![CDATA[", "&amp;", "&#x26;", "&#0;", "&#1;", "&#xFFFE;", "&#xD800;", "&#x1F600;", "\"", "'", "\\", "\U0001F600", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
        "\0", "\u0001", "\b", "\v", "\f", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F", "\t", "\n", "\r", "\r\n", "\n\n", " ", "   ",
        "\u00A0", "\u2028", "\u2029", "\u3000", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "\uFDD0", "e\u0301", "*", "_", "#", "---", "...", ": ", "- ",
        "{", "}", "[", "]", ",", "%", "@", "`", "|", ">-",
    ];

    // What stays as written through every normalisation: no white space but single inner spaces, nothing XML forbids.
    private static readonly string[] CleanSpecials =
        ["&", "<", ">", "]]>", "</b>", "<b>", "<![CDATA[", "&amp;", "&#x26;", "\"", "\\", "\U0001F600", "\uFFFD", "\uFDD0", "e\u0301", "a b", "*", "_", "#"];

    /// <summary>0 to 5,000, most often a boundary ± 1 or short.</summary>
    public static readonly Gen<int> Length = Gen.Frequency(
        (4, Gen.Int[0, 24]),
        (4, Gen.Int[0, Boundaries.Length - 1].SelectMany(i => Gen.Int[-1, 1].Select(d => Boundaries[i] + d))),
        (1, Gen.Int[0, MaxLength]),
        (1, Gen.Const(MaxLength)));

    private static readonly Gen<string> DirtyToken = Gen.Frequency(
        (8, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (2, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (2, Gen.Char.Select(c => c.ToString())), // any UTF-16 code unit: surrogates, controls, non-characters
        (1, Gen.Char['\u0400', '\u04FF'].Select(c => c.ToString())),
        (1, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (3, Gen.OneOf(Specials)));

    private static readonly Gen<string> CleanToken = Gen.Frequency(
        (8, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (2, Gen.Char['!', '~'].Select(c => c.ToString())),
        (1, Gen.Char['\u0400', '\u04FF'].Select(c => c.ToString())),
        (1, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (2, Gen.OneOf(CleanSpecials)),
        (2, Gen.Const(" ")));

    /// <summary>Anything: each field's text before the documented normalisations.</summary>
    public static readonly Gen<string> Dirty = Compose(DirtyToken, Gen.OneOf(Specials), clean: false);

    /// <summary>
    /// Text that every normalisation leaves as it is, so that its length in the documents is exactly the generated
    /// one: the buffer boundaries are hit precisely.
    /// </summary>
    public static readonly Gen<string> Clean = Compose(CleanToken, Gen.OneOf(CleanSpecials), clean: true);

    /// <summary>Clean text without a space: a long summary then has no word boundary to be cut at.</summary>
    public static readonly Gen<string> Unbroken = Clean.Select(text => text.Replace(' ', 'y'));

    /// <summary>Clean, unbroken or dirty text, with lone surrogates (which YAML cannot spell) only when <paramref name="loneSurrogates"/>.</summary>
    public static Gen<string> Any(bool loneSurrogates) =>
        Gen.Frequency((4, Clean), (1, Unbroken), (5, loneSurrogates ? Dirty : Dirty.Select(WithoutLoneSurrogates)));

    /// <summary>A title: any text, or one in eight times one with nothing left after normalisation (the body's first line is then the title).</summary>
    public static Gen<string> Title(bool loneSurrogates) =>
        Gen.Frequency((7, Any(loneSurrogates)), (1, Gen.OneOf(string.Empty, " ", "\u0001", "\t\u2028 \u3000", "\uFFFE")));

    /// <summary>The text of a "Read also: [title](url)" line: one line, no <c>]</c>, something left after normalisation.</summary>
    public static readonly Gen<string> LinkTitle = Any(loneSurrogates: true).Select(text =>
    {
        var line = new StringBuilder(text).Replace('\n', ' ').Replace('\r', ' ').Replace(']', ')').Replace('\0', ' ').ToString();
        return NormalisedText.RemoveInvalidXmlCharacters(NormalisedText.AsUtf8(line)).Length > 0 ? line : "r" + line;
    });

    /// <summary>A body: dirty text, with a NUL (which makes the file binary) in one body out of twelve.</summary>
    public static readonly Gen<string> Body = Gen.Frequency(
        (11, Any(loneSurrogates: true).Select(text => text.Replace('\0', ' '))),
        (1, Dirty));

    private static Gen<string> Compose(Gen<string> token, Gen<string> special, bool clean)
    {
        var edge = Gen.Frequency((1, Gen.Const(string.Empty)), (2, special));
        var mark = Gen.Select(Gen.Int[0, Boundaries.Length - 1], Gen.Int[-1, 1], special);
        return
            from length in Length
            from tokens in token.Array[length]
            from start in edge
            from end in edge
            from marks in mark.Array[0, 3]
            select Build(length, tokens, start, end, marks, clean);
    }

    private static string Build(int length, string[] tokens, string start, string end, (int Boundary, int Offset, string Text)[] marks, bool clean)
    {
        var middle = Math.Max(0, length - end.Length);
        var text = new StringBuilder(length + 16).Append(start);
        foreach (var token in tokens)
        {
            if (text.Length >= middle)
            {
                break;
            }

            text.Append(token);
        }

        text.Length = Math.Min(text.Length, middle);
        text.Append(end);
        text.Length = Math.Min(text.Length, length);

        // A special character just before, at and after a boundary: the last character of a buffer, or a pair cut in two.
        foreach (var (boundary, offset, special) in marks)
        {
            var at = Boundaries[boundary] + offset - 1;
            for (var i = 0; i < special.Length && at + i < text.Length; i++)
            {
                text[at + i] = special[i];
            }
        }

        return clean ? Tidy(text) : text.ToString();
    }

    /// <summary>Makes text its own normal form without changing its length: halves of cut pairs and stray spaces become letters.</summary>
    private static string Tidy(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ')))
            {
                text[i] = 'z';
            }
        }

        return text.ToString();
    }

    /// <summary>The text with every lone surrogate replaced by a letter.</summary>
    public static string WithoutLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = 'z';
            }
        }

        return new string(chars);
    }
}
