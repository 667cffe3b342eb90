using System.Text;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

public sealed class ArticleCopyArchiveTests
{
    private static KeyValuePair<string, ReadOnlyMemory<byte>> File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Merge_IntoNothing_HoldsEveryFileByName()
    {
        var archive = ArticleCopyArchive.Merge(null, [File("001.txt", "one"), File("002.md", "two ✓")]);

        Assert.Equal("one", Encoding.UTF8.GetString(ArticleCopyArchive.Find(archive, "001.txt")!));
        Assert.Equal("two ✓", Encoding.UTF8.GetString(ArticleCopyArchive.Find(archive, "002.md")!));
    }

    [Fact]
    public void Merge_IntoAnArchive_KeepsTheOtherFilesAndReplacesTheSameName()
    {
        var first = ArticleCopyArchive.Merge(null, [File("001.txt", "one"), File("002.txt", "two")]);

        var second = ArticleCopyArchive.Merge(first, [File("002.txt", "two, corrected"), File("003.txt", "three")]);

        Assert.Equal("one", Encoding.UTF8.GetString(ArticleCopyArchive.Find(second, "001.txt")!));
        Assert.Equal("two, corrected", Encoding.UTF8.GetString(ArticleCopyArchive.Find(second, "002.txt")!));
        Assert.Equal("three", Encoding.UTF8.GetString(ArticleCopyArchive.Find(second, "003.txt")!));
    }

    [Fact]
    public void Find_NameNotInTheArchive_IsNull() =>
        Assert.Null(ArticleCopyArchive.Find(ArticleCopyArchive.Merge(null, [File("001.txt", "one")]), "002.txt"));

    [Fact]
    public void Find_DamagedArchive_ThrowsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => ArticleCopyArchive.Find(Encoding.UTF8.GetBytes("not a zip archive"), "001.txt"));

    [Fact]
    public void BucketOf_ManyNames_SpreadsThemOverEveryBucketAndNeverMovesOne()
    {
        var names = Enumerable.Range(0, 5_000).Select(i => $"{i:D5}_story.txt").ToList();

        var buckets = names.Select(ArticleCopyArchive.BucketOf).ToList();

        Assert.All(buckets, b => Assert.InRange(b, 0, ArticleCopyArchive.Buckets - 1));
        Assert.Equal(ArticleCopyArchive.Buckets, buckets.Distinct().Count());
        Assert.True(buckets.GroupBy(b => b).Max(g => g.Count()) < 2 * names.Count / ArticleCopyArchive.Buckets, "no bucket holds twice its share");
        Assert.Equal(buckets, names.Select(ArticleCopyArchive.BucketOf));
    }
}
