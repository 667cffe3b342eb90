using System.Text.Json;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class JsonFeedDocumentWriterTests
{
    private readonly FeedDocument _document = JsonFeedDocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls);

    private JsonElement Root => JsonDocument.Parse(_document.Content).RootElement;

    private JsonElement SeedItem => Root.GetProperty("items").EnumerateArray()
        .Single(i => i.GetProperty("title").GetString()!.StartsWith("1,6 million", StringComparison.Ordinal));

    [Fact]
    public void Write_NamesTheBlobAndContentType()
    {
        Assert.Equal("world/feed.json", _document.Name);
        Assert.Equal("application/feed+json; charset=utf-8", _document.ContentType);
    }

    [Fact]
    public void Write_DeclaresVersion11AndItsOwnUrl()
    {
        Assert.Equal("https://jsonfeed.org/version/1.1", Root.GetProperty("version").GetString());
        Assert.Equal(SeedFeed.Urls.Json.AbsoluteUri, Root.GetProperty("feed_url").GetString());
        Assert.Equal("https://news.example.com/world/", Root.GetProperty("home_page_url").GetString());
        Assert.Equal("en", Root.GetProperty("language").GetString());
        Assert.Equal("Example Newsroom", Root.GetProperty("authors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Write_GivesTheSameEntryAsAtom()
    {
        var entry = SeedFeed.SeedEntry(SeedFeed.Build());

        Assert.Equal(entry.Id.AbsoluteUri, SeedItem.GetProperty("id").GetString());
        Assert.Equal(entry.Link.AbsoluteUri, SeedItem.GetProperty("url").GetString());
        Assert.Equal(entry.ContentHtml, SeedItem.GetProperty("content_html").GetString());
        Assert.Equal(entry.Summary, SeedItem.GetProperty("summary").GetString());
        Assert.Equal("2026-11-20T08:15:30Z", SeedItem.GetProperty("date_published").GetString());
        Assert.Equal("2026-11-20T08:15:30Z", SeedItem.GetProperty("date_modified").GetString());
    }

    [Fact]
    public void Write_CarriesRelatedLinksAndCaptionInTheExtension()
    {
        var extension = SeedItem.GetProperty("_syndication");

        var related = Assert.Single(extension.GetProperty("related").EnumerateArray());
        Assert.Equal("Serbia’s ammunition ends up in Ukraine through various countries", related.GetProperty("title").GetString());
        Assert.Equal("https://news.example.com/world/serbias-ammunition-ends-up-in-ukraine-through-various-countries/", related.GetProperty("url").GetString());
        // The sample article of that title resolves the link by title.
        Assert.Equal("title-match", related.GetProperty("source").GetString());
        Assert.Equal("MFA Russia/X", extension.GetProperty("image").GetProperty("credit").GetString());
        Assert.Equal("Vladimir Putin and Kim Jong Un meeting on June 19.", extension.GetProperty("image").GetProperty("caption").GetString());
        Assert.False(SeedItem.TryGetProperty("image", out _), "no image URL, so no JSON Feed image");
    }

    [Fact]
    public void Write_WithExtensionAbout_StartsTheExtensionWithIt()
    {
        var about = new Uri("https://docs.example.com/syndication/json-feed-extension.md");
        var document = JsonFeedDocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls with { ExtensionAbout = about });

        var extensions = JsonDocument.Parse(document.Content).RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.TryGetProperty("_syndication", out _)).Select(i => i.GetProperty("_syndication")).ToList();
        Assert.NotEmpty(extensions);
        Assert.All(extensions, e => Assert.Equal(("about", about.AbsoluteUri), (e.EnumerateObject().First().Name, e.EnumerateObject().First().Value.GetString())));
    }

    [Fact]
    public void Write_WithoutExtensionAbout_WritesNone() =>
        Assert.False(SeedItem.GetProperty("_syndication").TryGetProperty("about", out _));

    [Fact]
    public void Write_SameContent_GivesTheSameBytes() =>
        Assert.True(_document.Content.Span.SequenceEqual(JsonFeedDocumentWriter.Write(SeedFeed.Build(), SeedFeed.Urls).Content.Span));

    [Theory]
    [InlineData(0, "2026-11-20T08:15:30Z")]
    [InlineData(2, "2026-11-20T08:15:30+02:00")]
    [InlineData(-5, "2026-11-20T08:15:30-05:00")]
    public void Rfc3339_WritesZForUtcAndTheOffsetOtherwise(int hours, string expected) =>
        Assert.Equal(expected, JsonFeedDocumentWriter.Rfc3339(new DateTimeOffset(2026, 11, 20, 8, 15, 30, TimeSpan.FromHours(hours))));

    // Images: JSON Feed's icon and favicon are both square, so both take the icon; a wide logo fits neither.
    [Theory]
    [InlineData("https://news.example.com/i.png", "https://news.example.com/l.png")]
    [InlineData("https://news.example.com/i.png", null)]
    public void Write_Icon_FillsIconAndFavicon(string icon, string? logo)
    {
        var root = JsonDocument.Parse(JsonFeedDocumentWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), icon, logo), SeedFeed.Urls).Content).RootElement;

        Assert.Equal(icon, root.GetProperty("icon").GetString());
        Assert.Equal(icon, root.GetProperty("favicon").GetString());
        Assert.DoesNotContain(root.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == logo);
    }

    [Theory]
    [InlineData("https://news.example.com/l.png")]
    [InlineData(null)]
    public void Write_NoIcon_WritesNeitherIconNorFavicon(string? logo)
    {
        var root = JsonDocument.Parse(JsonFeedDocumentWriter.Write(SeedFeed.WithImages(SeedFeed.Build(), null, logo), SeedFeed.Urls).Content).RootElement;

        Assert.False(root.TryGetProperty("icon", out _));
        Assert.False(root.TryGetProperty("favicon", out _));
    }
}
