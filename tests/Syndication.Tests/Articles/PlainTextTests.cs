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
}
