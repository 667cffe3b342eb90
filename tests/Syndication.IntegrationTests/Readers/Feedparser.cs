using System.Text.Json;

namespace Syndication.Tests.Readers;

/// <summary>
/// Python's feedparser (Debian's <c>python3-feedparser</c>) fetching a feed over HTTP; <c>feedparser_dump.py</c>
/// prints what it read, each value with its content type where it has one.
/// </summary>
internal static class Feedparser
{
    private static readonly Lazy<Task<bool>> Installed = new(async () =>
    {
        if (!File.Exists(ReaderProcess.Python))
        {
            return false;
        }

        try
        {
            await ReaderProcess.RunAsync(ReaderProcess.Python, ["-c", "import feedparser"]);
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    });

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<Result> ParseAsync(Uri url)
    {
        ReaderProcess.RequireInstalled(await Installed.Value, "Python's feedparser", "python3-feedparser");
        var result = JsonSerializer.Deserialize<Result>(await ReaderProcess.RunAsync(ReaderProcess.Python, [ReaderProcess.Script("feedparser_dump.py"), url.AbsoluteUri]), Json)!;
        Assert.True(result.Status == 200, $"feedparser got HTTP {result.Status} for {url}.");
        // "bozo" is feedparser's word for a document that is not well-formed: it then parses it as best it can.
        Assert.False(result.Bozo, $"feedparser found {url} malformed: {result.BozoException}");
        return result;
    }

    internal sealed record Result(string? Version, bool Bozo, string? BozoException, int? Status, Feed Feed, IReadOnlyList<Entry> Entries)
    {
        public Entry EntryOf(HostileArticle article) =>
            Entries.SingleOrDefault(e => e.Id == article.Id) ?? throw new Xunit.Sdk.XunitException($"feedparser has no entry {article.Id}.");

        public Entry EntryTitled(string title) =>
            Entries.SingleOrDefault(e => e.Title?.Shown == title) ?? throw new Xunit.Sdk.XunitException($"feedparser has no entry titled {title}.");
    }

    /// <summary>A text construct: <c>title_detail</c>, <c>subtitle_detail</c>, <c>summary_detail</c>.</summary>
    internal sealed record Detail(string? Type, string? Value)
    {
        public string? Shown => ReaderText.Shown(Type, Value);
    }

    internal sealed record Person(string? Name, string? Email, string? Href);

    internal sealed record Link(string? Rel, string? Type, string? Href, string? Title);

    internal sealed record Tag(string? Term, string? Label);

    /// <param name="Link">The site's link, as feedparser chooses it among the feed's links.</param>
    internal sealed record Feed(Detail? Title, string? Link, Detail? Subtitle, Person? Author, IReadOnlyList<Link> Links, Image? Image, string? Icon, string? Logo);

    /// <summary>The channel's <c>image</c> (RSS), as <c>feed.image</c>.</summary>
    internal sealed record Image(string? Href, string? Title, string? Link);

    internal sealed record Entry(
        string? Id,
        Detail? Title,
        Detail? Summary,
        IReadOnlyList<Detail> Content,
        Person? Author,
        IReadOnlyList<Tag> Tags,
        IReadOnlyList<Link> Links,
        IReadOnlyList<Dictionary<string, string>> MediaContent,
        IReadOnlyList<Dictionary<string, string>> MediaCredit);
}
