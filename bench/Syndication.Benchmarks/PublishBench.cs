using System.Diagnostics;
using System.Globalization;

namespace Syndication.Benchmarks;

/// <summary>Whole publishing runs against Azurite: from empty, with nothing new, with one new article.</summary>
internal static class PublishBench
{
    /// <summary>
    /// <c>publish N</c>: one feed of N generated articles, published by the Release build of the <c>syndication</c>
    /// command as a process of its own (process start included, as a scheduled job or CI step runs it): from empty,
    /// again with nothing new, then with one new article. Each run's time, peak memory, and what it uploaded.
    /// </summary>
    public static async Task RunOneFeedAsync(int articles)
    {
        var assembly = WorkerProcess.Build();
        await using var azurite = await AzuriteServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("syndication-bench-").FullName;
        try
        {
            var generator = new ArticleGenerator();
            var feed = Directory.CreateDirectory(Path.Combine(folder, "news")).FullName;
            WriteFeedJson(feed, "news");
            WriteArticles(generator, feed, 0, articles);

            await MeasureCommandAsync("from empty", assembly, azurite, folder);
            await MeasureCommandAsync("nothing new", assembly, azurite, folder);
            WriteArticles(generator, feed, articles, 1);
            await MeasureCommandAsync("one new article", assembly, azurite, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureCommandAsync(string run, string assembly, AzuriteServer azurite, string folder)
    {
        var watch = Stopwatch.StartNew();
        using var command = WorkerProcess.Start(assembly, ["publish", "--feeds", folder, "--container", "bench"],
            new Dictionary<string, string> { ["Syndication__Storage__ConnectionString"] = azurite.ConnectionString, ["DOTNET_ENVIRONMENT"] = "Production" },
            folder);
        var (exitCode, peak) = await command.WaitForExitAsync(TimeSpan.FromMinutes(30));
        watch.Stop();
        var lines = command.LinesFrom(0);
        // The feed's log line: "Published feed news: … N documents uploaded (B bytes), U unchanged, D deleted", or unchanged.
        var published = lines.Select(l => l.Text).FirstOrDefault(t => t.Contains("FeedPublisher[1001]", StringComparison.Ordinal));
        // The line names no URL since they moved to debug event 1015: the outcome runs to the end of the line.
        var outcome = published is not null ? published[(published.IndexOf("Published feed", StringComparison.Ordinal) + "Published feed".Length)..]
            : lines.Any(l => l.Text.Contains("FeedPublisher[1007]", StringComparison.Ordinal)) ? "nothing read or written (unchanged inputs)"
            : lines.Select(l => l.Text).FirstOrDefault(t => t.Contains("FeedPublisher[1006]", StringComparison.Ordinal)) ?? "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"publish {run}: {watch.Elapsed.TotalSeconds:F2} s with process start, exit code {exitCode}, peak resident memory {peak / 1048576.0:F0} MiB; {outcome.Trim()}; " +
            $"{Environment.ProcessorCount} cores"));
    }

    /// <summary>Writes a feed definition named <paramref name="name"/> into <paramref name="folder"/>.</summary>
    internal static void WriteFeedJson(string folder, string name) =>
        File.WriteAllText(Path.Combine(folder, "feed.json"),
            $$"""{ "title": "{{name}}", "description": "Generated", "link": "https://news.example.com/{{name}}/", "language": "en", "author": { "name": "Desk" } }""");

    /// <summary>Writes articles <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1; every third reads "Read also" the one before.</summary>
    /// <returns>The last article written: the newest.</returns>
    internal static ArticleGenerator.GeneratedArticle? WriteArticles(ArticleGenerator generator, string folder, int first, int count)
    {
        ArticleGenerator.GeneratedArticle? previous = null;
        for (var i = first; i < first + count; i++)
        {
            var article = generator.Next(i);
            File.WriteAllText(Path.Combine(folder, article.FileName), article.ToMarkdown(i % 3 == 0 ? previous?.Title : null));
            previous = article;
        }

        return previous;
    }
}
