using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>Every URL that reaches a feed is absolute http(s) without credentials, and a refused one is shown without them.</summary>
public sealed class WebUrlTests
{
    [Theory]
    [InlineData("https://example.com/a/", true)]
    [InlineData("http://example.com:8080/a?b=c#d", true)]
    [InlineData("https://user:secret-pass@example.com/a/", false)]
    [InlineData("https://user@example.com/a/", false)]
    [InlineData("https://:secret-pass@example.com/", false)]
    [InlineData("ftp://example.com/", false)]
    [InlineData("/relative", false)]
    [InlineData("javascript:alert(1)", false)]
    public void TryParse_AcceptsOnlyAbsoluteHttpUrlsWithoutCredentials(string text, bool accepted) =>
        Assert.Equal(accepted, WebUrl.TryParse(text, out _));

    [Fact]
    public void Shown_ReplacesTheCredentialsAndKeepsTheRest()
    {
        var shown = WebUrl.Shown("https://user:secret-pass@example.com:8443/a/b?c=d#e");

        Assert.DoesNotContain("secret-pass", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("user", shown.Split(' ')[0], StringComparison.Ordinal);
        Assert.StartsWith("https://***@example.com:8443/a/b?c=d#e ", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/a/")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public void Shown_LeavesATextWithoutCredentialsAsItIs(string text) =>
        Assert.Equal(text, WebUrl.Shown(text));
}
