using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

public sealed class HtmlContentSanitizerTests
{
    private static readonly Uri Article = new("https://news.example.com/world/story/");

    private readonly HtmlContentSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script>", "script")]
    [InlineData("<style>p { color: red }</style><p>a</p>", "style")]
    [InlineData("<p onclick=\"steal()\">a</p>", "onclick")]
    [InlineData("<img src=\"x.png\" onerror=\"steal()\">", "onerror")]
    [InlineData("<a href=\"javascript:steal()\">a</a>", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:steal()\">a</a>", "steal")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", "data:")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "iframe")]
    [InlineData("<object data=\"x.swf\"></object>", "object")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"></form>", "form")]
    [InlineData("<p style=\"background:url(javascript:x)\">a</p>", "style")]
    public void Sanitize_DangerousMarkup_IsRemoved(string html, string forbidden) =>
        Assert.DoesNotContain(forbidden, _sanitizer.Sanitize(html, Article), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("<a href=\"../other/\">a</a>", "https://news.example.com/world/other/")]
    [InlineData("<a href=\"/about\">a</a>", "https://news.example.com/about")]
    [InlineData("<img src=\"pic.jpg\">", "https://news.example.com/world/story/pic.jpg")]
    [InlineData("<a href=\"https://other.example/x\">a</a>", "https://other.example/x")]
    public void Sanitize_RelativeUrls_BecomeAbsoluteAgainstTheArticle(string html, string expected) =>
        Assert.Contains($"\"{expected}\"", _sanitizer.Sanitize(html, Article), StringComparison.Ordinal);

    [Fact]
    public void Sanitize_OrdinaryArticleMarkup_Stays()
    {
        const string html = "<figure><img src=\"https://x.example/p.jpg\" alt=\"p\"><figcaption>c <small>Photo: d</small></figcaption></figure><p><strong>b</strong> <em>i</em></p><ul><li>l</li></ul><blockquote>q</blockquote>";

        Assert.Equal(html, _sanitizer.Sanitize(html, Article));
    }
}
