using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("one two three four", 12, "one two…")]
    [InlineData("one two, three", 10, "one two…")]
    [InlineData("abcdefghijklmnop", 8, "abcdefg…")]
    public void Shorten_CutsOnAWordBoundary(string text, int max, string expected)
    {
        var shortened = PlainText.Shorten(text, max);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= max);
    }

    [Fact]
    public void HtmlEncode_EncodesMarkupButNotLetters() =>
        Assert.Equal("&lt;b&gt; &amp; &quot;é’", PlainText.HtmlEncode("<b> & \"é’"));

    [Theory]
    [InlineData("a\u0000b", "ab", 1)]
    [InlineData("tab\tnewline\ncr\r", "tab\tnewline\ncr\r", 0)]
    [InlineData("\uFFFE\uFFFF\u001B", "", 3)]
    [InlineData("Windows\u0080 \u0092quotes\u0093 del\u007F", "Windows quotes del", 4)]
    [InlineData("next\u0085line \u00A0nbsp", "nextline \u00A0nbsp", 1)]
    public void RemoveInvalidXmlCharacters_KeepsOnlyWhatXmlAllows(string text, string expected, int removed)
    {
        Assert.Equal(expected, PlainText.RemoveInvalidXmlCharacters(text, out var count));
        Assert.Equal(removed, count);
    }

    [Fact]
    public void RemoveInvalidXmlCharacters_DropsLoneSurrogatesAndKeepsPairs()
    {
        // Built in code: attribute arguments cannot hold lone surrogates.
        var text = "lone " + '\uD800' + " high, lone " + '\uDC00' + " low, pair \uD83D\uDE00 kept";

        Assert.Equal("lone  high, lone  low, pair \uD83D\uDE00 kept", PlainText.RemoveInvalidXmlCharacters(text, out var removed));
        Assert.Equal(2, removed);
    }

    [Fact]
    public void RemoveInvalidXmlCharacters_OnGeneratedText_KeepsWhatTheCharacterByCharacterRuleKeeps()
    {
        var alphabet = "a é\t\n\r\u0000\u001F\u007F\u0080\u0085\u009F\u00A0\uD7FF\uD800\uDBFF\uDC00\uDFFF\uE000\uFFFD\uFFFE\uFFFF";
        var random = new Random(17);
        for (var n = 0; n < 20_000; n++)
        {
            var text = Generate(random, alphabet, random.Next(0, 12));

            var expected = KeptCharacterByCharacter(text, out var expectedRemoved);

            Assert.Equal(Escaped(expected), Escaped(PlainText.RemoveInvalidXmlCharacters(text, out var removed)));
            Assert.Equal(expectedRemoved, removed);
        }
    }

    [Fact]
    public void FromHtml_OnGeneratedFragments_IsWhatTheCharacterByCharacterRuleGives()
    {
        var random = new Random(17);
        string[] pieces =
        [
            "<", ">", "<b>", "</p>", "a", " ", "\n", "é", "&", ";", "#", "x", "26", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x26;", "&eacute;",
            "&nbsp;", "&unknown;", "&;", "&#;", "&#zz;", "&# 65;", "&#55296;", "&#128512;", "&#x10FFFF;", "&#1114112;", "&amp", "&lt",
        ];
        for (var n = 0; n < 50_000; n++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.Equal(TextCharacterByCharacter(html), PlainText.FromHtml(html));
        }
    }

    private static string Generate(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));

    // The rules as first written, one character at a time: the oracles for the versions that search ahead.
    private static string KeptCharacterByCharacter(string text, out int removed)
    {
        removed = 0;
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = char.IsHighSurrogate(c)
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c)
                    ? i > 0 && char.IsHighSurrogate(text[i - 1])
                    : c is '\t' or '\n' or '\r' or (>= ' ' and < '\u007F') or (> '\u009F' and < '\uFFFE');
            if (valid)
            {
                builder.Append(c);
            }
            else
            {
                removed++;
            }
        }

        return builder.ToString();
    }

    private static string TextCharacterByCharacter(string html)
    {
        var builder = new StringBuilder();
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

        return PlainText.CollapseWhiteSpace(System.Net.WebUtility.HtmlDecode(builder.ToString()));
    }
}
