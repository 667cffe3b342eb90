using System.Globalization;
using System.Text;

namespace Syndication.Feeds.Related;

/// <summary>
/// Splits text into the terms the similarity computation compares: lowercase, diacritics folded (é → e), in any
/// script; words of letters and digits, with English stop words, single letters and short numbers left out;
/// Chinese, Japanese and Korean runs, written without spaces, as overlapping pairs of characters.
/// </summary>
internal static class TermTokenizer
{
    /// <summary>Calls <paramref name="term"/> for each term of <paramref name="text"/>, in order.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Action<ReadOnlySpan<char>> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var ideographs = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && !IsMark(rune))
            {
                Flush(buffer[..length], ideographs, term);
                length = 0;
                ideographs = false;
                continue;
            }

            if (IsMark(rune))
            {
                continue; // a combining diacritic: the base letter is already taken
            }

            var isIdeograph = IsIdeographic(rune);
            if (length > 0 && isIdeograph != ideographs)
            {
                Flush(buffer[..length], ideographs, term);
                length = 0;
            }

            ideographs = isIdeograph;
            length = Append(buffer, length, rune);
        }

        Flush(buffer[..length], ideographs, term);
    }

    /// <summary>The terms of <paramref name="text"/> as strings (for tests and diagnostics).</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        Tokenize(text, t => terms.Add(t.ToString()));
        return terms;
    }

    // Lowercased and diacritic-folded forms of the Basic Multilingual Plane, filled as characters are met.
    private static readonly string?[] Folded = new string?[0x10000];

    private static int Append(Span<char> buffer, int length, Rune rune)
    {
        if (rune.Value < 0x80)
        {
            var c = (char)rune.Value;
            return length < buffer.Length ? Put(buffer, length, c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : length;
        }

        var folded = rune.IsBmp ? Folded[rune.Value] ??= Fold(rune) : Fold(rune);
        foreach (var c in folded)
        {
            if (length < buffer.Length)
            {
                length = Put(buffer, length, c);
            }
        }

        return length;
    }

    /// <summary>Lowercase, decomposed, without the combining marks: "É" → "e".</summary>
    private static string Fold(Rune rune)
    {
        var decomposed = Rune.ToLowerInvariant(rune).ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark)
            {
                // Latin letters whose diacritic is part of the letter and does not decompose.
                builder.Append(c switch
                {
                    'ł' => "l",
                    'ø' => "o",
                    'đ' or 'ð' => "d",
                    'ß' => "ss",
                    'æ' => "ae",
                    'œ' => "oe",
                    'þ' => "th",
                    'ı' => "i",
                    'ħ' => "h",
                    _ => c.ToString(),
                });
            }
        }

        return builder.ToString();
    }

    private static int Put(Span<char> buffer, int length, char c)
    {
        buffer[length] = c;
        return length + 1;
    }

    private static void Flush(ReadOnlySpan<char> word, bool ideographs, Action<ReadOnlySpan<char>> term)
    {
        if (word.IsEmpty)
        {
            return;
        }

        if (ideographs)
        {
            if (word.Length == 1 || (word.Length == 2 && char.IsSurrogatePair(word[0], word[1])))
            {
                term(word);
                return;
            }

            // Pairs of neighbouring characters stand in for the words that no space separates.
            for (var i = 0; i + 1 < word.Length; i++)
            {
                if (char.IsHighSurrogate(word[i]))
                {
                    continue;
                }

                var end = i + 2 < word.Length && char.IsLowSurrogate(word[i + 2]) ? i + 3 : i + 2;
                term(word[i..Math.Min(end, word.Length)]);
            }

            return;
        }

        if (word.Length < 2 || (word.Length < 4 && IsNumber(word)) || StopWords.Contains(word))
        {
            return;
        }

        term(Stem(word));
    }

    /// <summary>A light English plural stemmer ("shells" → "shell", "countries" → "country"); other words pass unchanged.</summary>
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 4 && word[^1] == 's' && IsAsciiLetters(word))
        {
            if (word.EndsWith("ies"))
            {
                return word.Length > 5 ? string.Concat(word[..^3], "y") : word;
            }

            if (!word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
            {
                return word[..^1];
            }
        }

        return word;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsIdeographic(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x2FA1F => true, // CJK Extensions B and later
        _ => false,
    };
}
