using System.Text;

namespace Syndication.Tests.Properties;

/// <summary>
/// The normalisations the README documents for text read from the sources, written here from their definitions
/// (XML 1.0's <c>Char</c> production, white space as <see cref="char.IsWhiteSpace(char)"/>), not taken from the
/// project: the oracle of the text fidelity properties.
/// </summary>
internal static class NormalisedText
{
    /// <summary>What a field of plain text becomes: characters XML cannot carry removed, then white space folded and trimmed.</summary>
    public static string Field(string text) => CollapseWhiteSpace(RemoveInvalidXmlCharacters(text));

    /// <summary>
    /// Keeps XML 1.0's <c>Char</c>: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    /// (a surrogate only as half of a pair), without the controls it discourages (#x7F-#x9F).
    /// </summary>
    public static string RemoveInvalidXmlCharacters(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\u007E') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Every run of white space becomes one space; none is left at either end.</summary>
    public static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The text as it reads back from a UTF-8 file written with <see cref="Encoding.UTF8"/>: UTF-8 cannot carry a lone
    /// surrogate, and the encoder writes U+FFFD for each.
    /// </summary>
    public static string AsUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>CRLF and lone CR read as LF.</summary>
    public static string LineEnds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Whether the text has a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(string text) => AsUtf8(text) != text;
}
