using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>fleet F A [BUILD]</c>: F feeds of A generated articles each, published from empty by 1, 2 and then 4 workers
/// at once, each a <c>syndication run</c> process of the published build (ReadyToRun) sharing one Azurite container
/// and the per-feed leases, as a fleet is deployed. Prints the wall time until the last worker finished its first
/// run, and per worker the feeds it published, those it left to another worker, the documents and bytes it uploaded,
/// its processor time and its peak memory.
/// </summary>
/// <remarks>
/// The workers are <c>run</c> processes, not <c>publish</c>: a running worker leaves a feed whose lease another
/// holds and goes on with the next, while <c>publish</c> waits for the lease (it must publish every feed before it
/// exits), so several <c>publish</c> processes started together would walk the feeds in step, one behind the other.
/// Each worker count publishes into a container of its own, from empty; the workers start together and are stopped
/// with SIGTERM once each has logged the end of its first run.
/// </remarks>
internal static partial class FleetBench
{
    private static readonly int[] FleetSizes = [1, 2, 4];

    /// <summary>Runs the benchmark.</summary>
    /// <param name="feeds">How many feeds.</param>
    /// <param name="articlesPerFeed">How many articles each feed holds.</param>
    /// <param name="build">A folder with a published <c>syndication</c> to measure, or <see langword="null"/> to publish this one.</param>
    public static async Task RunAsync(int feeds, int articlesPerFeed, string? build)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(feeds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(articlesPerFeed, 1);
        var folder = Directory.CreateTempSubdirectory("syndication-fleet-").FullName;
        try
        {
            var assembly = build is null ? WorkerProcess.Publish(Path.Combine(folder, "build")) : Path.Combine(Path.GetFullPath(build), "syndication.dll");
            var feedsFolder = Path.Combine(folder, "feeds");
            GeneratedCorpus.Generate(feeds * articlesPerFeed, feedsFolder, feeds);
            await using var azurite = await AzuriteServer.StartAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fleet: {feeds} feeds x {articlesPerFeed} articles, from empty, each worker a `syndication run` process of {Path.GetDirectoryName(assembly)}; " +
                $"{Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            foreach (var workers in FleetSizes)
            {
                await MeasureAsync(assembly, azurite, folder, feedsFolder, workers);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string assembly, AzuriteServer azurite, string folder, string feedsFolder, int workers)
    {
        // A long interval and no watcher, so each worker runs once; no health file, so the workers share no file.
        string[] arguments = ["run", "--feeds", feedsFolder, "--container", $"fleet{workers}", "--interval", "01:00:00",
            "--Syndication:HealthFile=", "--Syndication:Watch=false"];
        var environment = new Dictionary<string, string>
        {
            ["Syndication__Storage__ConnectionString"] = azurite.ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var azuriteBefore = azurite.ProcessorTime;
        var launched = Stopwatch.GetTimestamp();
        var processes = Enumerable.Range(0, workers).Select(_ => WorkerProcess.Start(assembly, arguments, environment, folder)).ToList();
        try
        {
            var finished = await Task.WhenAll(processes.Select(p => p.WaitForLineAsync(0, "Publishing finished in", TimeSpan.FromMinutes(60))));
            var wall = Stopwatch.GetElapsedTime(launched, finished.Max(l => l.Arrived));
            var azuriteTime = azurite.ProcessorTime - azuriteBefore;
            var counts = new List<WorkerTally>();
            for (var w = 0; w < workers; w++)
            {
                var process = processes[w];
                var peak = process.PeakBytes();
                var processor = process.ProcessorTime;
                var lines = process.LinesFrom(0).Select(l => l.Text).ToList();
                var published = lines.Select(l => PublishedPattern().Match(l)).Where(m => m.Success).ToList();
                var worker = new WorkerTally(
                    published.Count,
                    lines.Count(l => l.Contains("being written by another worker", StringComparison.Ordinal)),
                    published.Sum(m => long.Parse(m.Groups["documents"].Value, CultureInfo.InvariantCulture)),
                    published.Sum(m => long.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture)),
                    processor,
                    peak);
                counts.Add(worker);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  worker {w + 1} of {workers}: {worker.Published} feeds published, {worker.LeftToOthers} left to another worker; " +
                    $"{worker.Documents} documents uploaded ({worker.Bytes / 1048576.0:F1} MiB); processor {worker.Processor.TotalSeconds:F1} s, peak {worker.Peak / 1048576.0:F0} MiB; " +
                    $"first run {FinishedPattern().Match(finished[w].Text).Groups[1].Value} ms (its log)"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fleet {workers} worker(s): {wall.TotalSeconds:F1} s wall; {counts.Sum(c => c.Published)} feeds published; " +
                $"{counts.Sum(c => c.Documents)} documents, {counts.Sum(c => c.Bytes) / 1048576.0:F1} MiB uploaded; " +
                $"workers' processor {counts.Sum(c => c.Processor.TotalSeconds):F1} s, Azurite's {azuriteTime.TotalSeconds:F1} s; load average {LoadAverage()}"));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.StopAsync(TimeSpan.FromSeconds(30));
                process.Dispose();
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // Event 1001: "Published feed NAME: … N documents uploaded (B bytes), U unchanged, D deleted".
    [GeneratedRegex(@"Published feed (?<feed>[^:]+):.*?(?<documents>\d+) documents uploaded \((?<bytes>\d+) bytes\)")]
    private static partial Regex PublishedPattern();

    [GeneratedRegex(@"Publishing finished in (\d+) ms")]
    private static partial Regex FinishedPattern();

    private sealed record WorkerTally(int Published, int LeftToOthers, long Documents, long Bytes, TimeSpan Processor, long Peak);
}
