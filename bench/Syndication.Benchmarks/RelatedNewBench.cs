using System.Diagnostics;
using System.Globalization;
using Syndication.Feeds.Related;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>related-new N</c>: what the related articles of one new article cost a new process whose terms are kept
/// (<see cref="TermTable"/>): N generated articles are counted once; then, five times each, alternating, an index of
/// them and one new article (the text of two of them, mixed) is made and asked for the new article's matches, once
/// weighing every article first and once as a new process does (lazily, when the new article's terms are rare enough
/// for that to pay; else weighing all too). Prints the median of each, how many articles each weighed (all, for the
/// second, when it chose not to be lazy), and whether both found the same.
/// </summary>
internal static class RelatedNewBench
{
    public static void Run(int count)
    {
        var documents = RelatedCorpus.Generate(count).ToList();
        var (first, second) = (documents[count / 3], documents[2 * count / 3]);
        var half = second.Text.Length / 2;
        documents.Add(new RelatedDocument("new/zz_new.md", "A new story", first.Text + " " + second.Text[half..], []));
        var keys = documents.Select(d => new RelatedKey(d.Key, d.Key)).ToList();
        var table = new TermTable();
        var options = new RelatedOptions();
        new RelatedArticleFinder(options).Index(keys, i => documents[i], table, _ => []);
        var entries = keys.Select(k => table.TryGet(k.Key, k.Fingerprint, out var entry) ? entry : throw new InvalidOperationException(k.Key)).ToArray();
        string[] names = [.. keys.Select(k => k.Key)];

        (TimeSpan Time, int Weighed, IReadOnlyList<RelatedMatch> Matches) Once(int lazyAsks)
        {
            var watch = Stopwatch.StartNew();
            var index = new RelatedIndex(names, _ => [], entries, table.IdCount, options, lazyAsks);
            var matches = index.Find(names.Length - 1);
            watch.Stop();
            return (watch.Elapsed, index.Weighed, matches);
        }

        var all = new List<(TimeSpan Time, int Weighed, IReadOnlyList<RelatedMatch> Matches)>();
        var lazy = new List<(TimeSpan Time, int Weighed, IReadOnlyList<RelatedMatch> Matches)>();
        for (var run = 0; run < 6; run++)
        {
            // The first pair warms up the code and is not counted.
            var (a, l) = (Once(0), Once(RelatedIndex.LazyAsks));
            if (run > 0)
            {
                all.Add(a);
                lazy.Add(l);
            }
        }

        var made = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            _ = new RelatedIndex(names, _ => [], entries, table.IdCount, options);
            made.Add(watch.Elapsed);
        }

        static double Median(IEnumerable<TimeSpan> times) => times.Select(t => t.TotalMilliseconds).Order().ElementAt(2);
        var same = all.Concat(lazy).All(r => r.Matches.SequenceEqual(all[0].Matches));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"related-new: {count} articles kept and one new: weighing all {Median(all.Select(r => r.Time)):F0} ms ({all[0].Weighed} weighed), " +
            $"as a new process {Median(lazy.Select(r => r.Time)):F0} ms ({lazy[0].Weighed} weighed; numbering and counting the terms {Median(made):F0} ms of it); {all[0].Matches.Count} matches, " +
            $"{(same ? "the same" : "DIFFERENT")} from both; median of 5; {Environment.ProcessorCount} cores, {Environment.OSVersion}"));
    }
}
