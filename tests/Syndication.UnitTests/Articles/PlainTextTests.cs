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
    [InlineData("next\u0085line \u00A0nbsp", "next\u0085line \u00A0nbsp", 0)]
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
}
