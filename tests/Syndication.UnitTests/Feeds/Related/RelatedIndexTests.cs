using Syndication.Feeds.Related;

namespace Syndication.Tests.Feeds.Related;

public sealed class RelatedIndexTests
{
    private static readonly RelatedOptions Options = new() { Count = 5, MinScore = 0 };

    // 700 articles, more than the 500 a posting list may hold, from a skewed vocabulary of 3,000, with many ties at each
    // vector's cut. Every article has the word "commonx": 300 short ones keep it (they keep all their terms), 400 long
    // ones drop it for heavier terms, so it is in more articles than the limit but in fewer vectors, and counts: 20
    // articles share nothing else, and are found only through it.
    // Some articles exclude others, as an editor's links do.
    private static List<RelatedDocument> Corpus(int count, int seed)
    {
        var random = new Random(seed);
        string Words(int min, int max) =>
            string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => $"w{(int)(3000 * Math.Pow(random.NextDouble(), 2))}x"));
        return [.. Enumerable.Range(0, count).Select(i => i % 35 == 1
            ? new RelatedDocument($"feed/{i:D4}.md", $"t{i}a t{i}b", $"commonx u{i}a u{i}b", [])
            : new RelatedDocument($"feed/{i:D4}.md", Words(3, 9), "commonx " + (i % 7 < 3 ? Words(20, 50) : Words(200, 400)),
                i % 11 == 0 ? [$"feed/{(i * 31 + 5) % count:D4}.md", $"feed/{(i * 17 + 2) % count:D4}.md"] : []))];
    }

    private static readonly List<RelatedDocument> Documents = Corpus(700, seed: 11);

    private static readonly IReadOnlyList<IReadOnlyList<RelatedMatch>> WeighedAll = new RelatedArticleFinder(Options).Find(Documents);

    private static RelatedIndex Lazy(int lazyAsks, double lazyShare = double.PositiveInfinity)
    {
        var table = new TermTable();
        var index = new RelatedArticleFinder(Options).Index(
            [.. Documents.Select(d => new RelatedKey(d.Key, d.Key))], i => Documents[i], table, i => Documents[i].Excluded);
        // The index of a later run, from the terms kept: what a new process makes. Its laziness is what is set here.
        return new RelatedIndex([.. Documents.Select(d => d.Key)], i => Documents[i].Excluded,
            [.. Documents.Select(d => { Assert.True(table.TryGet(d.Key, d.Key, out var entry)); return entry; })], table.IdCount, Options, lazyAsks, lazyShare);
    }

    [Fact]
    public void Find_OfAnIndexThatWeighsOnlyWhatIsAsked_EqualsTheIndexThatWeighsEveryArticle_ForEveryArticle()
    {
        Assert.True(WeighedAll.Count(m => m.Count > 0) > 600);
        Assert.Equal(5, WeighedAll[36].Count); // found through "commonx" alone
        var lazy = Lazy(int.MaxValue);

        var found = Enumerable.Range(0, Documents.Count).Select(lazy.Find).ToList();

        Assert.Equal(WeighedAll, found);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(350)]
    [InlineData(699)]
    [InlineData(36)]
    public void Find_OneArticleAskedOfAFreshIndex_EqualsTheIndexThatWeighsEveryArticle(int position)
    {
        var lazy = Lazy(int.MaxValue);

        Assert.Equal(WeighedAll[position], lazy.Find(position));
    }

    [Fact]
    public void Find_OneArticleAsked_WeighsFewerThanAllArticles()
    {
        var lazy = Lazy(RelatedIndex.LazyAsks);

        lazy.Find(101); // a long article, whose vector dropped "commonx"

        Assert.InRange(lazy.Weighed, 1, Documents.Count - 1);
    }

    [Fact]
    public void Find_MoreArticlesAskedThanPassesPayFor_WeighsAllOnceAndStillFindsTheSame()
    {
        var lazy = Lazy(RelatedIndex.LazyAsks);

        var found = Enumerable.Range(0, RelatedIndex.LazyAsks + 1).Select(lazy.Find).ToList();

        Assert.Equal(Documents.Count, lazy.Weighed);
        Assert.Equal(WeighedAll.Take(RelatedIndex.LazyAsks + 1), found);
    }

    [Fact]
    public void Find_AnArticleWhoseTermsAreInMoreArticlesTogetherThanTheIndexHolds_WeighsAllAtOnce()
    {
        var lazy = Lazy(RelatedIndex.LazyAsks, lazyShare: 1);

        var found = lazy.Find(101); // its 96 terms are in more articles together than the 700

        Assert.Equal(Documents.Count, lazy.Weighed);
        Assert.Equal(WeighedAll[101], found);
    }
}
