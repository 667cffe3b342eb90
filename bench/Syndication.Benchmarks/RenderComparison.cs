using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Benchmarks;

/// <summary>
/// The same generated corpus for our renderer and for another library: <c>export N FILE</c> writes the built
/// entries as JSON, <c>render N</c> times our RSS and Atom rendering of them (median of 7 runs after warm-up).
/// </summary>
internal static class RenderComparison
{
    public static void Export(int articles, string path)
    {
        var content = Build(articles);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("title", content.Definition.Title);
        json.WriteString("description", content.Definition.Description);
        json.WriteString("link", content.Definition.Link.AbsoluteUri);
        json.WriteString("id", content.Id.AbsoluteUri);
        json.WriteString("updated", JsonFeedDocumentWriter.Rfc3339(content.Updated));
        json.WriteString("author", content.Definition.Author.Name);
        json.WriteStartArray("entries");
        foreach (var entry in content.Entries)
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id.AbsoluteUri);
            json.WriteString("link", entry.Link.AbsoluteUri);
            json.WriteString("title", entry.Title);
            json.WriteString("summary", entry.Summary);
            json.WriteString("content", entry.ContentHtml);
            json.WriteString("published", JsonFeedDocumentWriter.Rfc3339(entry.Published));
            json.WriteString("updated", JsonFeedDocumentWriter.Rfc3339(entry.Updated));
            json.WriteString("author", entry.Author.Name);
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Render(int articles)
    {
        var content = Build(articles);
        var urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "news");
        long Once() => Rss20DocumentWriter.Write(content, urls, TimeSpan.FromMinutes(5)).Content.Length + Atom10DocumentWriter.Write(content, urls).Content.Length;
        Once();
        Once();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            Once();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"syndication: RSS + Atom for {content.Entries.Count} entries: median {times[3]:F0} ms"));
    }

    /// <summary><paramref name="articles"/> generated articles in one feed, read, sanitised and linked as the publisher does.</summary>
    public static FeedPage Build(int articles)
    {
        var root = Directory.CreateTempSubdirectory("syndication-compare-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "news")).FullName;
            File.WriteAllText(Path.Combine(folder, "feed.json"), """{ "title": "News", "description": "Generated", "link": "https://news.example.com/", "language": "en", "author": { "name": "Desk" } }""");
            var generator = new ArticleGenerator();
            string? previous = null;
            for (var i = 0; i < articles; i++)
            {
                var article = generator.Next(i);
                File.WriteAllText(Path.Combine(folder, article.FileName), article.ToMarkdown(i % 3 == 0 ? previous : null));
                previous = article.Title;
            }

            var catalog = new Syndication.Sources.FolderFeedSource(root, new Syndication.Articles.ArticleParser()).ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
            var state = new FeedState();
            FeedStateUpdater.Apply(state, catalog.Feeds[0].Articles, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
            var content = new FeedBuilder(new RelatedLinkResolver(catalog), new HtmlContentSanitizer()).Build(catalog.Feeds[0], state).AsPage();
            // Sanitised once here, as the publisher does per page: rendering is timed from HTML already made.
            return content with { Entries = [.. content.Entries.Select(e => e.WithContent())] };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
