using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class FeedUrlsTests
{
    [Theory]
    [InlineData("https://cdn.example/feeds")]
    [InlineData("https://cdn.example/feeds/")]
    public void For_AFolderFeed_IsItsFolderUnderTheBase(string publicBase)
    {
        var urls = FeedUrls.For(new Uri(publicBase), "world");

        Assert.Equal(
            ["https://cdn.example/feeds/world/rss.xml", "https://cdn.example/feeds/world/atom.xml", "https://cdn.example/feeds/world/feed.json", "https://cdn.example/feeds/world/index.html"],
            urls.All.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void For_ANameWithAFolder_KeepsItsSlash()
    {
        var urls = FeedUrls.For(new Uri("https://cdn.example/feeds/"), "tags/north-korea");

        Assert.Equal("https://cdn.example/feeds/tags/north-korea/rss.xml", urls.Rss.AbsoluteUri);
        Assert.Equal("https://cdn.example/feeds/tags/north-korea/atom.xml", urls.Atom.AbsoluteUri);
        Assert.Equal("https://cdn.example/feeds/tags/north-korea/feed.json", urls.Json.AbsoluteUri);
        Assert.Equal("https://cdn.example/feeds/tags/north-korea/index.html", urls.Page.AbsoluteUri);
    }

    [Fact]
    public void Archive_OfANameWithAFolder_IsInsideThatFeedsFolder() =>
        Assert.Equal("https://cdn.example/feeds/authors/jane-doe/archive/2.rss.xml",
            FeedUrls.For(new Uri("https://cdn.example/feeds"), "authors/jane-doe").Archive(FeedFormat.Rss, 2).AbsoluteUri);

    [Theory]
    [InlineData("tags/c#", "tags/c%23")]
    [InlineData("tags/a?b", "tags/a%3Fb")]
    [InlineData("tags/a b", "tags/a%20b")]
    [InlineData("tags/50%", "tags/50%25")]
    public void For_EachSegment_IsEscapedAndTheSlashIsNot(string name, string path)
    {
        var rss = FeedUrls.For(new Uri("https://cdn.example/feeds"), name).Rss;

        Assert.Equal($"https://cdn.example/feeds/{path}/rss.xml", rss.AbsoluteUri);
        Assert.Equal("", rss.Query);
        Assert.Equal("", rss.Fragment);
    }
}
