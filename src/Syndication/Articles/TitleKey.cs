using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Syndication.Articles;

/// <summary>
/// The form in which two titles are compared: case, typographic quotes (’ against '), punctuation and runs of
/// white space do not count; letters (with their accents) and digits do.
/// </summary>
internal static class TitleKey
{
    // Each article's and reference's key, made once for as long as it lives: a run compares every title two or three
    // times, and normalising a title that is not plain ASCII costs a call into ICU. Held by identity, never by value.
    private static readonly ConditionalWeakTable<Article, string> Articles = [];
    private static readonly ConditionalWeakTable<RelatedReference, string> References = [];

    /// <summary>The comparison key of <paramref name="article"/>'s title, made once per article.</summary>
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Articles.GetValue(article, static a => Normalize(a.Title));
    }

    /// <summary>The comparison key of <paramref name="reference"/>'s title, made once per reference.</summary>
    public static string Of(RelatedReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return References.GetValue(reference, static r => Normalize(r.Title));
    }

    /// <summary>The comparison key of <paramref name="title"/>.</summary>
    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        var pendingSpace = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || category is UnicodeCategory.DashPunctuation)
            {
                pendingSpace = true;
            }

            // Other punctuation and symbols (quotes, apostrophes, commas, colons) are dropped without a gap,
            // so "Serbia’s" and "Serbia's" both become "serbias".
        }

        return builder.ToString();
    }
}
