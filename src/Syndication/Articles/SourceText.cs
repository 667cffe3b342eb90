using System.Globalization;
using System.Text;

namespace Syndication.Articles;

/// <summary>Turns a source file's bytes into text, refusing what is not text.</summary>
internal static class SourceText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16LittleEndian = new UnicodeEncoding(false, false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(true, false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark, and turns CRLF and lone CR
    /// line ends into LF.
    /// </summary>
    /// <remarks>Characters XML cannot carry are removed, with a warning giving the line of each.</remarks>
    /// <exception cref="SourceFormatException">The file is empty, binary, or not valid in its encoding.</exception>
    public static string Decode(string file, ReadOnlySpan<byte> bytes, ICollection<SourceDiagnostic> diagnostics)
    {
        if (bytes.IsEmpty)
        {
            throw new SourceFormatException(file, null, "the file is empty");
        }

        var (encoding, name, skip) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, "UTF-8", 3),
            [0xFF, 0xFE, ..] => (StrictUtf16LittleEndian, "UTF-16", 2),
            [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, "UTF-16", 2),
            _ => (StrictUtf8, "UTF-8", 0),
        };

        string text;
        try
        {
            text = encoding.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (byte {e.Index + skip})") : string.Empty;
            throw new SourceFormatException(file, null, $"the file is not valid {name} text{at}; save it as UTF-8", e);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new SourceFormatException(file, null, "the file is binary (it contains NUL characters), not text");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SourceFormatException(file, null, "the file is empty (white space only)");
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return RemoveInvalidCharacters(file, text, diagnostics);
    }

    private static string RemoveInvalidCharacters(string file, string text, ICollection<SourceDiagnostic> diagnostics)
    {
        var cleaned = PlainText.RemoveInvalidXmlCharacters(text, out var removed);
        if (removed == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            PlainText.RemoveInvalidXmlCharacters(lines[i], out var onLine);
            if (onLine > 0)
            {
                diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, file, i + 1,
                    string.Create(CultureInfo.InvariantCulture, $"{onLine} control or non-character code point(s) that XML cannot carry were removed")));
            }
        }

        return cleaned;
    }
}
