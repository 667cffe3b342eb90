using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Syndication.Formats;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>watch N [samples] [debounce]</c>: how long after an article is saved into the feeds folder the running worker
/// (the real <c>syndication run</c> process, watching the folder) has it in the public <c>rss.xml</c>, debounce included.
/// </summary>
/// <remarks>
/// An article is saved as editors' tools save atomically: written under a dot-prefixed temporary name, which neither
/// the reader nor the watcher looks at, then renamed into place. The clock starts when the rename returns, so the
/// file is whole from the first moment the worker can see it, and stops when an anonymous GET of <c>rss.xml</c>
/// returns a document holding the article; the document is polled every 50 ms, so a latency is late by up to that.
/// The worker's own log splits each latency into the wait before its run (the debounce) and the run. The CPU time the
/// worker and Azurite used is printed too: on a shared machine it varies less than durations do. The first runs after
/// the worker starts are slower while the runtime recompiles hot code, so the summary is given without them as well.
/// </remarks>
internal static partial class WatchBench
{
    private const string Container = "watch";
    private const string Feed = "news";
    private const int WarmUp = 2;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs the benchmark and prints each sample and a summary.</summary>
    /// <param name="articles">How many articles the feed holds before the first sample.</param>
    /// <param name="samples">How many articles are saved, one at a time.</param>
    /// <param name="debounce">The worker's <c>Syndication:WatchDebounce</c>, or <see langword="null"/> for its default.</param>
    public static async Task RunAsync(int articles, int samples, TimeSpan? debounce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(articles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        // Built before anything is timed; an up-to-date build takes a second or two.
        var worker = WorkerProcess.Build();
        await using var azurite = await AzuriteServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("syndication-watch-").FullName;
        try
        {
            var generator = new ArticleGenerator();
            var feed = Directory.CreateDirectory(Path.Combine(folder, Feed)).FullName;
            PublishBench.WriteFeedJson(feed, Feed);
            var newest = PublishBench.WriteArticles(generator, feed, 0, articles)!;

            // A long interval, so only the watcher starts runs; no health file, so the worker writes nothing of its own.
            List<string> arguments = ["run", "--feeds", folder, "--container", Container, "--interval", "01:00:00", "--Syndication:HealthFile="];
            if (debounce is { } quiet)
            {
                arguments.AddRange(["--Syndication:WatchDebounce", quiet.ToString("c", CultureInfo.InvariantCulture)]);
            }

            var environment = new Dictionary<string, string>
            {
                // The connection string as the systemd unit gives it: in the environment, not on the command line.
                ["Syndication__Storage__ConnectionString"] = azurite.ConnectionString,
                ["DOTNET_ENVIRONMENT"] = "Production",
            };
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var poller = new FeedPoller(http, new Uri(azurite.BlobEndpoint, $"{Container}/{Feed}/{FeedUrls.RssFileName}"));

            var launched = Stopwatch.GetTimestamp();
            using var process = WorkerProcess.Start(worker, arguments, environment, folder);
            var started = await process.WaitForLineAsync(0, "Worker started", TimeSpan.FromMinutes(1));
            var watching = WatchingPattern().Match(started.Text) is { Success: true } m ? m.Groups[1].Value : "(not logged)";
            var first = await process.WaitForLineAsync(0, "Publishing finished in", TimeSpan.FromMinutes(30));
            await WaitForItemAsync(poller, newest.Title, TimeSpan.FromMinutes(1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"watch: {articles} articles in one feed; debounce {(debounce is null ? "the worker's default" : "set by --Syndication:WatchDebounce")}, the worker logged \"watching the feeds folder: {watching}\"; " +
                $"first run {RunMilliseconds(first) / 1000.0:F1} s (worker's log), ready {Stopwatch.GetElapsedTime(launched).TotalSeconds:F1} s after the process was launched; " +
                $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, load average {LoadAverage()}"));

            var results = new List<WatchSample>(samples);
            for (var s = 0; s < samples; s++)
            {
                var sample = await MeasureAsync(process, azurite, poller, generator, feed, articles + s, $"Watch latency sample {s + 1}");
                results.Add(sample);
                // Adding 0.0 turns a rounded -0 into 0, which the sign sections would print as "-+0.00".
                var seenAfterEnd = Math.Round(sample.SeenAfterRunEnd.TotalSeconds, 2) + 0.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  sample {s + 1}: {sample.Latency.TotalSeconds:F2} s from save to rss.xml; the run started {sample.RunStarted.TotalSeconds:F2} s after the save " +
                    $"and took {sample.Run.TotalSeconds:F2} s (worker's log); the article was read {seenAfterEnd:+0.00;-0.00;0.00} s after the run's end; {sample.Runs} run(s); " +
                    $"CPU {sample.WorkerCpu.TotalSeconds:F2} s worker, {sample.AzuriteCpu.TotalSeconds:F2} s Azurite"));
            }

            Console.WriteLine($"watch: {articles} articles, debounce {watching}: {Summary(results)}; load average {LoadAverage()}");
            if (results.Count > WarmUp + 2)
            {
                Console.WriteLine($"watch: {articles} articles, debounce {watching}, without the first {WarmUp} samples: {Summary(results[WarmUp..])}");
            }

            var runs = process.LinesFrom(0).Where(l => l.Text.Contains("Publishing finished in", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"worker's run log ({runs.Count} runs):");
            foreach (var run in runs)
            {
                Console.WriteLine("  " + run.Text);
            }

            var stopped = await process.StopAsync(TimeSpan.FromMinutes(1));
            Console.WriteLine(stopped is { } exit
                ? string.Create(CultureInfo.InvariantCulture, $"worker stopped by SIGTERM in {exit.Took.TotalSeconds:F2} s, exit code {exit.ExitCode}")
                : "worker did not stop within a minute of SIGTERM; killed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Saves one article and times it to <c>rss.xml</c>; then waits for the worker's run to end, and a second more, so samples never overlap.</summary>
    private static async Task<WatchSample> MeasureAsync(WorkerProcess process, AzuriteServer azurite, FeedPoller poller, ArticleGenerator generator, string feed, int index, string title)
    {
        var article = generator.Next(index) with { Title = title };
        var temporary = Path.Combine(feed, $".{article.FileName}.tmp");
        await File.WriteAllTextAsync(temporary, article.ToMarkdown(null));
        var lines = process.LineCount;
        var (workerCpu, azuriteCpu) = (process.ProcessorTime, azurite.ProcessorTime);
        File.Move(temporary, Path.Combine(feed, article.FileName));
        var saved = Stopwatch.GetTimestamp();
        await WaitForItemAsync(poller, title, TimeSpan.FromMinutes(10));
        var seen = Stopwatch.GetTimestamp();

        var finished = await process.WaitForLineAsync(lines, "Publishing finished in", TimeSpan.FromMinutes(10));
        // Read at the run's end: after it, the runtime's tiered compilation goes on recompiling for a second or two.
        var (workerUsed, azuriteUsed) = (process.ProcessorTime - workerCpu, azurite.ProcessorTime - azuriteCpu);
        var run = TimeSpan.FromMilliseconds(RunMilliseconds(finished));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var runs = process.LinesFrom(lines).Count(l => l.Text.Contains("Publishing finished in", StringComparison.Ordinal));
        // The worker logs a run's duration at its end, so the run started that long before the line arrived.
        return new WatchSample(Stopwatch.GetElapsedTime(saved, seen), Stopwatch.GetElapsedTime(saved, finished.Arrived) - run, run,
            Stopwatch.GetElapsedTime(finished.Arrived, seen), runs, workerUsed, azuriteUsed);
    }

    private static async Task WaitForItemAsync(FeedPoller poller, string title, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!await poller.HasItemAsync(title, CancellationToken.None))
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"'{title}' did not appear in rss.xml within {timeout}.");
            }

            await Task.Delay(Poll);
        }
    }

    private static long RunMilliseconds(WorkerLogLine line) =>
        long.Parse(FinishedPattern().Match(line.Text).Groups[1].Value, CultureInfo.InvariantCulture);

    private static string Summary(List<WatchSample> samples)
    {
        var latencies = samples.Select(r => r.Latency.TotalSeconds).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} samples, latency median {Median(latencies):F2} s, min {latencies[0]:F2} s, max {latencies[^1]:F2} s; " +
            $"run start after the save median {Median([.. samples.Select(r => r.RunStarted.TotalSeconds).Order()]):F2} s; " +
            $"run median {Median([.. samples.Select(r => r.Run.TotalSeconds).Order()]):F2} s; " +
            $"CPU to the run's end median {Median([.. samples.Select(r => r.WorkerCpu.TotalSeconds).Order()]):F2} s worker, {Median([.. samples.Select(r => r.AzuriteCpu.TotalSeconds).Order()]):F2} s Azurite");
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was while the samples ran.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    [GeneratedRegex(@"Publishing finished in (\d+) ms")]
    private static partial Regex FinishedPattern();

    [GeneratedRegex(@"watching the feeds folder: (.+)$")]
    private static partial Regex WatchingPattern();
}
