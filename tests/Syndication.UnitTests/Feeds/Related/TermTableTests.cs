using Syndication.Feeds.Related;

namespace Syndication.Tests.Feeds.Related;

public sealed class TermTableTests
{
    private static readonly RelatedOptions Options = new() { Count = 5, MinScore = 0 };

    // Articles of 150 to 400 words from a skewed vocabulary of 3,000: most keep more than the 96 terms a vector holds,
    // with many ties at the cut, so the order in which terms are numbered decides what each vector keeps.
    private static List<RelatedDocument> Corpus(int count, int seed, string prefix = "feed/")
    {
        var random = new Random(seed);
        string Words(int min, int max) =>
            string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => $"w{(int)(3000 * Math.Pow(random.NextDouble(), 2.5))}x"));
        return [.. Enumerable.Range(0, count).Select(i => new RelatedDocument($"{prefix}{i:D4}.md", Words(3, 9), Words(150, 400), []))];
    }

    private static string FingerprintOf(RelatedDocument document) => $"{document.Title.GetHashCode(StringComparison.Ordinal)}:{document.Text.GetHashCode(StringComparison.Ordinal)}";

    private static RelatedIndex IndexKept(List<RelatedDocument> documents, TermTable table) =>
        new RelatedArticleFinder(Options).Index(
            [.. documents.Select(d => new RelatedKey(d.Key, FingerprintOf(d)))], i => documents[i], table, i => documents[i].Excluded);

    private static List<List<RelatedMatch>> AllLists(RelatedIndex index) =>
        [.. Enumerable.Range(0, index.Count).Select(i => index.Find(i).ToList())];

    private static async Task<TermTable> SavedAndReadAsync(TermTable table, string context = "ctx")
    {
        var read = new TermTable();
        for (var part = 0; part < TermTable.Parts; part++)
        {
            using var stream = new MemoryStream();
            await table.WriteAsync(stream, context, part, TestContext.Current.CancellationToken);
            stream.Position = 0;
            var written = await TermTable.ReadAsync(stream, read, TestContext.Current.CancellationToken);
            Assert.Equal((context, part), (written.Context, written.Part));
            read.Hold(written);
        }

        Assert.Empty(read.Unsaved);
        Assert.Equal(table.Articles, read.Articles);
        return read;
    }

    [Fact]
    public async Task Index_FromATableKeptThroughAdditionsEditsAndDeletions_EqualsTheIndexOfEveryTextReadAfresh()
    {
        var documents = Corpus(400, seed: 1);
        var table = new TermTable();
        IndexKept(documents, table);
        table = await SavedAndReadAsync(table);

        // The next run: articles inserted among the others (their terms are met before older ones'), edited, deleted.
        var later = Corpus(60, seed: 2, prefix: "feed/0150-new-");
        var edited = Corpus(10, seed: 3);
        var now = documents.Take(150).Concat(later).Concat(documents.Skip(150)).ToList();
        for (var i = 0; i < 10; i++)
        {
            var at = now.FindIndex(d => d.Key == documents[300 + i].Key);
            now[at] = now[at] with { Text = edited[i].Text };
        }

        now.RemoveAll(d => string.CompareOrdinal(d.Key, "feed/0020.md") >= 0 && string.CompareOrdinal(d.Key, "feed/0040.md") < 0);

        var kept = IndexKept(now, table);
        var afresh = new RelatedArticleFinder(Options).Index(now);

        Assert.Equal(70, kept.TextsRead); // the new and the edited articles, no other
        Assert.Equal(now.Count, afresh.TextsRead);
        Assert.Equal(AllLists(afresh), AllLists(kept));
    }

    [Fact]
    public void Index_TableHeldUnderAnotherFingerprint_ReadsTheTextAgain()
    {
        var documents = Corpus(20, seed: 4);
        var table = new TermTable();
        IndexKept(documents, table);
        var changed = documents.ToList();
        changed[5] = changed[5] with { Text = "an entirely different text about harbours" };

        var index = IndexKept(changed, table);

        Assert.Equal(1, index.TextsRead);
        Assert.Equal(AllLists(new RelatedArticleFinder(Options).Index(changed)), AllLists(index));
    }

    [Fact]
    public void Keep_OnlyThePartsOfArticlesAddedChangedOrGone_AreUnsaved()
    {
        var documents = Corpus(40, seed: 5);
        var table = new TermTable();
        IndexKept(documents, table);
        Assert.Equal(documents.Select(d => TermTable.PartOf(d.Key)).ToHashSet(), table.Unsaved.ToHashSet());
        foreach (var part in table.Unsaved.ToList())
        {
            table.Saved(part);
        }

        IndexKept(documents, table);
        Assert.Empty(table.Unsaved);

        var changed = documents.ToList();
        changed[3] = changed[3] with { Text = "harbours" };
        changed.RemoveAt(10);
        IndexKept(changed, table);
        Assert.Equal(39, table.Articles);
        Assert.Equal(new[] { documents[3], documents[10] }.Select(d => TermTable.PartOf(d.Key)).ToHashSet(), table.Unsaved.ToHashSet());
    }

    [Fact]
    public void Keep_ArticlesWithoutFingerprint_AreNotHeld()
    {
        var documents = Corpus(5, seed: 6);
        var table = new TermTable();

        new RelatedArticleFinder(Options).Index([.. documents.Select(d => new RelatedKey(d.Key, null))], i => documents[i], table, i => documents[i].Excluded);

        Assert.Equal(0, table.Articles);
    }

    [Fact]
    public async Task ReadAsync_WrittenTable_GivesTheSameIndexWithoutReadingAnyText()
    {
        var documents = Corpus(50, seed: 7);
        var table = new TermTable();
        var first = IndexKept(documents, table);

        var read = await SavedAndReadAsync(table);
        var again = new RelatedArticleFinder(Options).Index(
            [.. documents.Select(d => new RelatedKey(d.Key, FingerprintOf(d)))],
            _ => throw new InvalidOperationException("no text may be read"), read, i => documents[i].Excluded);

        Assert.Equal(0, again.TextsRead);
        Assert.Equal(AllLists(first), AllLists(again));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(200)]
    public async Task ReadAsync_CutShort_IsInvalidData(int keep)
    {
        var table = new TermTable();
        IndexKept(Corpus(5, seed: 8), table);
        using var whole = new MemoryStream();
        await table.WriteAsync(whole, "ctx", TermTable.PartOf("feed/0000.md"), TestContext.Current.CancellationToken);
        using var cut = new MemoryStream(whole.ToArray().AsSpan(0, Math.Min(keep, (int)whole.Length - 1)).ToArray());
        cut.Position = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() => TermTable.ReadAsync(cut, new TermTable(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_NotATable_IsInvalidData()
    {
        using var stream = new MemoryStream("not a table, though long enough"u8.ToArray());

        await Assert.ThrowsAsync<InvalidDataException>(() => TermTable.ReadAsync(stream, new TermTable(), TestContext.Current.CancellationToken));
    }
}
