using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Syndication.Benchmarks;
using Syndication.Feeds.Related;

// `related N`, `related-new N`, `hostile [MiB [CASE]]`, `publish N`, `fleet F A [BUILD]` and `watch N [samples] [debounce]` time whole runs in a fresh process;
// `generate N DIR [--feeds F]` writes N generated articles into DIR/news (or over F feeds, DIR/feed000 on) for
// timing the command line by hand (bench/new-process.sh, bench/compare-hugo.sh);
// anything else goes to BenchmarkDotNet.
if (args is ["related", var countText])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    var documents = RelatedCorpus.Generate(count);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var before = PeakMemory.Current();
    PeakMemory.Reset();
    var watch = Stopwatch.StartNew();
    var index = new RelatedArticleFinder(new RelatedOptions()).Index(documents);
    var indexed = watch.Elapsed;
    var matches = new IReadOnlyList<RelatedMatch>[documents.Length];
    Parallel.For(0, documents.Length, a => matches[a] = index.Find(a));
    watch.Stop();
    var peak = PeakMemory.Peak();
    var withRelated = matches.Count(m => m.Count > 0);
    // A digest of every list, to compare two implementations' results on the same corpus.
    var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join('\n', matches.Select(m => string.Join(' ', m.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}={r.Score}"))))))))[..16];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"related: {count} articles in {watch.Elapsed.TotalSeconds:F2} s ({indexed.TotalSeconds:F2} s to index, the rest to match); {withRelated} with related articles (digest {digest}); " +
        $"resident memory {before / 1048576.0:F0} MiB before (corpus held), peak {peak / 1048576.0:F0} MiB during, step peak {(peak - before) / 1048576.0:F0} MiB; " +
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"));
    return 0;
}

if (args is ["related-new", var keptText])
{
    RelatedNewBench.Run(int.Parse(keptText, CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["publish", var articles])
{
    await PublishBench.RunOneFeedAsync(int.Parse(articles, CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["generate", var generated, var into, .. var options] && options is [] or ["--feeds", _])
{
    GeneratedCorpus.Generate(int.Parse(generated, CultureInfo.InvariantCulture), into, options is [_, var feedCount] ? int.Parse(feedCount, CultureInfo.InvariantCulture) : 1);
    return 0;
}

if (args is ["fleet", var feeds, var perFeed, .. var build] && build.Length <= 1)
{
    await FleetBench.RunAsync(int.Parse(feeds, CultureInfo.InvariantCulture), int.Parse(perFeed, CultureInfo.InvariantCulture), build.FirstOrDefault());
    return 0;
}

if (args is ["watch", var watched, .. var rest] && rest.Length <= 2)
{
    await WatchBench.RunAsync(int.Parse(watched, CultureInfo.InvariantCulture),
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10,
        rest.Length > 1 ? TimeSpan.Parse(rest[1], CultureInfo.InvariantCulture) : null);
    return 0;
}

if (args is ["hostile", .. var hostile] && hostile.Length <= 2)
{
    return HostileInputBench.Run(hostile is [var text, ..] ? int.Parse(text, CultureInfo.InvariantCulture) : 4, hostile is [_, var only] ? only : null, TimeSpan.FromSeconds(60));
}

if (args is ["hostile-case", var caseSize, var caseIndex])
{
    return HostileInputBench.RunCase(int.Parse(caseSize, CultureInfo.InvariantCulture), int.Parse(caseIndex, CultureInfo.InvariantCulture));
}

if (args is ["export", var exported, var file])
{
    RenderComparison.Export(int.Parse(exported, CultureInfo.InvariantCulture), file);
    return 0;
}

if (args is ["render", var rendered])
{
    RenderComparison.Render(int.Parse(rendered, CultureInfo.InvariantCulture));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(RelatedBenchmarks).Assembly).Run(args);
return 0;
