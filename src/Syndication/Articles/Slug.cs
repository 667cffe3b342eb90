using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Syndication.Articles;

/// <summary>Makes URL path segments from titles: lowercase ASCII letters, digits and hyphens, the same on every machine.</summary>
internal static class Slug
{
    /// <summary>The longest slug made; longer titles are cut at a hyphen.</summary>
    public const int MaxLength = 80;

    // Transliteration of the non-Latin letters newsrooms use most (Cyrillic of the Slavic languages, Greek) and of
    // Latin letters that do not decompose into a base letter plus a mark. Accented letters need no entry: they
    // decompose (é → e + ◌́) and the mark is dropped.
    private static readonly FrozenDictionary<char, string> Transliterations = new Dictionary<char, string>
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['є'] = "ye", ['і'] = "i", ['ї'] = "yi", ['ґ'] = "g", ['ђ'] = "dj", ['ј'] = "j", ['љ'] = "lj",
        ['њ'] = "nj", ['ћ'] = "c", ['џ'] = "dz", ['ў'] = "u", ['ѓ'] = "gj", ['ќ'] = "kj", ['ѕ'] = "dz",
        ['α'] = "a", ['β'] = "v", ['γ'] = "g", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "i", ['θ'] = "th",
        ['ι'] = "i", ['κ'] = "k", ['λ'] = "l", ['μ'] = "m", ['ν'] = "n", ['ξ'] = "x", ['ο'] = "o", ['π'] = "p",
        ['ρ'] = "r", ['σ'] = "s", ['ς'] = "s", ['τ'] = "t", ['υ'] = "y", ['φ'] = "f", ['χ'] = "ch", ['ψ'] = "ps",
        ['ω'] = "o",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ł'] = "l", ['þ'] = "th", ['ð'] = "d",
        ['ı'] = "i", ['ħ'] = "h", ['ŋ'] = "ng",
    }.ToFrozenDictionary();

    /// <summary>
    /// The slug of a title, or <see langword="null"/> when nothing of it can be written in ASCII letters or digits
    /// (a Chinese or Arabic title, say): the caller then falls back to the file name.
    /// </summary>
    public static string? FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(Math.Min(title.Length, MaxLength * 2));
        var pendingHyphen = false;
        foreach (var c in title.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (IsApostrophe(c))
            {
                continue; // "Korea’s" reads better as "koreas" than as "korea-s".
            }

            // Surrogate halves (emoji, rare scripts) have no ASCII form and cannot be normalised one by one.
            var ascii = char.IsSurrogate(c) ? string.Empty : Transliterate(c);
            if (ascii.Length == 0)
            {
                // Letters with no ASCII form (the soft sign ь, say) vanish; only separators make hyphens.
                pendingHyphen |= builder.Length > 0 && !IsMark(c) && !char.IsLetter(c);
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(ascii);
        }

        return builder.Length == 0 ? null : Truncate(builder.ToString());
    }

    /// <summary>The slug of a file name without its extension; never empty (falls back to <c>article</c>).</summary>
    public static string FromFileName(string fileName) =>
        FromTitle(Path.GetFileNameWithoutExtension(fileName)) ?? "article";

    private static string Transliterate(char c)
    {
        if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
        {
            return c.ToString();
        }

        if (Transliterations.TryGetValue(c, out var mapped))
        {
            return mapped;
        }

        var builder = new StringBuilder(2);
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (d is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(d);
            }
            else if (Transliterations.TryGetValue(d, out var decomposed))
            {
                builder.Append(decomposed);
            }
        }

        return builder.ToString();
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }
}
