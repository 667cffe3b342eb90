using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Tests.Readers;

/// <summary>
/// What <c>System.Text.Json</c> reads from <see cref="HostileFeed"/>'s JSON Feed, fetched from Azurite: JSON Feed
/// strings are plain text (HTML only in <c>content_html</c>), so each must be exactly what the newsroom wrote.
/// </summary>
public sealed class JsonFeedReaderTests(HostileFeedFixture feed) : IClassFixture<HostileFeedFixture>
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Feed_Deserialized_HasTheTitleDescriptionAndAuthorAsWritten()
    {
        var json = await ReadAsync();

        Assert.Equal(HostileFeed.Title, json.Title);
        Assert.Equal(HostileFeed.Description, json.Description);
        Assert.Equal(HostileFeed.Author, Assert.Single(json.Authors).Name);
    }

    // JSON Feed's two image slots are square: both take the icon.
    [Fact]
    public async Task Feed_Deserialized_HasTheIconAsIconAndFavicon()
    {
        var json = await ReadAsync();

        Assert.Equal((HostileFeed.Icon, HostileFeed.Icon), (json.Icon, json.Favicon));
    }

    [Fact]
    public async Task Items_Deserialized_HaveTheTitlesSummariesAuthorsAndTagsAsWritten()
    {
        var json = await ReadAsync();

        Assert.Equal(HostileFeed.Articles.Select(a => a.Id).Order(), json.Items.Select(i => i.Id).Order());
        ReaderAssert.ForEachArticle(a => a.ShownTitle, a => json.ItemOf(a).Title);
        ReaderAssert.ForEachArticle(a => a.Summary, a => json.ItemOf(a).Summary);
        ReaderAssert.ForEachArticle(a => a.ShownAuthor, a => Assert.Single(json.ItemOf(a).Authors).Name);
        ReaderAssert.ForEachArticle(a => ReaderAssert.Joined(a.ShownTags), a => ReaderAssert.Joined(json.ItemOf(a).Tags ?? []));
    }

    [Fact]
    public async Task RelatedTitles_Deserialized_AreTheEditorsTitlesFirstAsWritten()
    {
        var json = await ReadAsync();

        ReaderAssert.ForEachArticle(article =>
        {
            var related = json.ItemOf(article).Syndication?.Related ?? [];
            Assert.Equal(ReaderAssert.Joined(article.Related.Select(r => r.Title)), ReaderAssert.Joined(related.Take(article.Related.Count).Select(r => r.Title)));
            var others = HostileFeed.Articles.Where(a => a != article).Select(a => a.ShownTitle).ToList();
            Assert.All(related.Skip(article.Related.Count), r => Assert.Contains(r.Title, others));
        });
    }

    [Fact]
    public async Task ContentHtml_Deserialized_EndsWithTheReadAlsoList()
    {
        var json = await ReadAsync();

        // JSON Feed readers show content_html and nothing of _syndication: the related titles must be in it.
        ReaderAssert.ForEachArticle(article =>
        {
            ReadAlsoSection.AssertEndsContent(article, json.ItemOf(article).ContentHtml ?? string.Empty);
            Assert.DoesNotContain("Read also", json.ItemOf(article).Summary ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ImageCaptionAndCredit_Deserialized_AreAsWritten()
    {
        var json = await ReadAsync();

        var image = json.ItemOf(HostileFeed.Picture).Syndication?.Image;
        Assert.Equal(HostileFeed.Picture.Image!.Url, image?.Url);
        Assert.Equal(HostileFeed.Picture.Image!.Caption, image?.Caption);
        Assert.Equal(HostileFeed.Picture.Image!.Credit, image?.Credit);
    }

    private async Task<JsonFeed> ReadAsync()
    {
        await using var stream = await Http.GetStreamAsync(feed.UrlOf("feed.json"), TestContext.Current.CancellationToken);
        return (await JsonSerializer.DeserializeAsync<JsonFeed>(stream, cancellationToken: TestContext.Current.CancellationToken))!;
    }

    private sealed record JsonFeed(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("authors")] IReadOnlyList<JsonAuthor> Authors,
        [property: JsonPropertyName("items")] IReadOnlyList<JsonItem> Items,
        [property: JsonPropertyName("icon")] string? Icon,
        [property: JsonPropertyName("favicon")] string? Favicon)
    {
        public JsonItem ItemOf(HostileArticle article) => Assert.Single(Items, i => i.Id == article.Id);
    }

    private sealed record JsonAuthor([property: JsonPropertyName("name")] string? Name);

    private sealed record JsonItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("summary")] string? Summary,
        [property: JsonPropertyName("content_html")] string? ContentHtml,
        [property: JsonPropertyName("authors")] IReadOnlyList<JsonAuthor> Authors,
        [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags,
        [property: JsonPropertyName("_syndication")] JsonExtension? Syndication);

    private sealed record JsonExtension(
        [property: JsonPropertyName("related")] IReadOnlyList<JsonRelated>? Related,
        [property: JsonPropertyName("image")] JsonImage? Image);

    private sealed record JsonRelated([property: JsonPropertyName("title")] string? Title, [property: JsonPropertyName("url")] string? Url);

    private sealed record JsonImage(
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("caption")] string? Caption,
        [property: JsonPropertyName("credit")] string? Credit);
}
