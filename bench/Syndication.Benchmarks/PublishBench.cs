using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>Whole publishing runs against Azurite: from empty, with nothing new, with one new article; and a fleet of feeds shared by workers.</summary>
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
        var outcome = published is not null ? published[(published.IndexOf("Published feed", StringComparison.Ordinal) + "Published feed".Length)..published.IndexOf(": http", StringComparison.Ordinal)]
            : lines.Any(l => l.Text.Contains("FeedPublisher[1007]", StringComparison.Ordinal)) ? "nothing read or written (unchanged inputs)"
            : lines.Select(l => l.Text).FirstOrDefault(t => t.Contains("FeedPublisher[1006]", StringComparison.Ordinal)) ?? "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"publish {run}: {watch.Elapsed.TotalSeconds:F2} s with process start, exit code {exitCode}, peak resident memory {peak / 1048576.0:F0} MiB; {outcome.Trim()}; " +
            $"{Environment.ProcessorCount} cores"));
    }

    /// <summary><c>generate N DIR</c>: the feed <c>news</c> of N generated articles in <c>DIR/news</c>, as <c>publish N</c> writes it.</summary>
    public static void Generate(int articles, string folder)
    {
        var feed = Directory.CreateDirectory(Path.Combine(folder, "news")).FullName;
        WriteFeedJson(feed, "news");
        WriteArticles(new ArticleGenerator(), feed, 0, articles);
    }

    /// <summary><c>fleet F A</c>: F feeds of A articles, published by one worker, then by two at once.</summary>
    public static async Task RunFleetAsync(int feeds, int articlesPerFeed)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("syndication-fleet-").FullName;
        try
        {
            var generator = new ArticleGenerator();
            for (var f = 0; f < feeds; f++)
            {
                var feed = Directory.CreateDirectory(Path.Combine(folder, $"feed{f:D3}")).FullName;
                WriteFeedJson(feed, $"feed{f:D3}");
                WriteArticles(generator, feed, f * articlesPerFeed, articlesPerFeed);
            }

            foreach (var workers in new[] { 1, 2 })
            {
                var options = Options(azurite, folder, $"fleet{workers}");
                var watch = Stopwatch.StartNew();
                var reports = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Publisher(azurite, options).PublishAsync(CancellationToken.None, waitForLeases: false)));
                watch.Stop();
                var published = reports.SelectMany(r => r.Feeds).Where(f => f.Succeeded && !f.Skipped).Select(f => f.Feed).Distinct().Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"fleet: {feeds} feeds x {articlesPerFeed} articles, {workers} worker(s): {watch.Elapsed.TotalSeconds:F1} s; " +
                    $"{published} feeds published; {reports.Sum(r => r.Feeds.Sum(f => f.Uploaded))} blobs uploaded"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FeedPublisher Publisher(AzuriteServer azurite, SyndicationOptions options) =>
        new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton<Microsoft.Extensions.Logging.ILogger<FeedPublisher>>(NullLogger<FeedPublisher>.Instance)
            .AddFeedPublishing()
            .BuildServiceProvider()
            .GetRequiredService<FeedPublisher>();

    private static SyndicationOptions Options(AzuriteServer azurite, string folder, string container) => new()
    {
        FeedsPath = folder,
        Storage = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container },
    };

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
