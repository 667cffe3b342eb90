using BenchmarkDotNet.Attributes;
using Syndication.Feeds.Related;

namespace Syndication.Benchmarks;

/// <summary>Related-article computation over generated corpora (time and allocations).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RelatedBenchmarks
{
    private RelatedDocument[] _documents = [];

    /// <summary>How many articles.</summary>
    [Params(10_000, 100_000)]
    public int Articles { get; set; }

    /// <summary>Generates the corpus once.</summary>
    [GlobalSetup]
    public void Setup() => _documents = RelatedCorpus.Generate(Articles);

    /// <summary>Finds the related articles of every article.</summary>
    [Benchmark]
    public int FindRelated() => new RelatedArticleFinder(new RelatedOptions()).Find(_documents).Sum(m => m.Count);
}
