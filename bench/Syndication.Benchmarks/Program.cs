using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Syndication.Benchmarks;
using Syndication.Feeds.Related;

// `related N` times one run in a fresh process and reports its peak memory; anything else goes to BenchmarkDotNet.
if (args is ["related", var countText])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    var documents = RelatedCorpus.Generate(count);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var before = PeakMemory.Current();
    PeakMemory.Reset();
    var watch = Stopwatch.StartNew();
    var matches = new RelatedArticleFinder(new RelatedOptions()).Find(documents);
    watch.Stop();
    var peak = PeakMemory.Peak();
    var withRelated = matches.Count(m => m.Count > 0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"related: {count} articles in {watch.Elapsed.TotalSeconds:F2} s; {withRelated} with related articles; " +
        $"resident memory {before / 1048576.0:F0} MiB before (corpus held), peak {peak / 1048576.0:F0} MiB during, step peak {(peak - before) / 1048576.0:F0} MiB; " +
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RelatedBenchmarks).Assembly).Run(args);
