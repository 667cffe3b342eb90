using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

public sealed class PublicationPlannerTests
{
    private const int PageSize = 2;
    private static readonly Uri PublicBase = new("https://feeds.example.com/");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStorage _storage = new();
    private readonly PublicationPlanner _planner;
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    public PublicationPlannerTests() => _planner = new PublicationPlanner(_storage, _storage, _storage);

    private static FeedDocumentSet SetOf(Feed feed) =>
        new(FeedUrls.For(PublicBase, feed.Name), FeedPaging.Paginate(feed, PageSize), PageSize, TimeSpan.FromMinutes(5));

    private static IReadOnlyList<string> Fingerprints(FeedDocumentSet set, string salt = "") => [.. set.Pages.Select((_, page) => $"page {page}{salt}")];

    /// <summary>Writes what the plan asks for and records it, as the publisher does.</summary>
    private async Task<PublicationPlan> PublishAsync(FeedDocumentSet set, IReadOnlyList<string> fingerprints, string? inputs = "inputs")
    {
        var plan = await _planner.PlanAsync(set, fingerprints, _cancel);
        var written = await _storage.SynchronizeAsync(FeedDocumentSet.PrefixOf(set.Feed), set.Render(plan.Changed),
            name => FeedDocumentSet.IsOwned(set.Feed, name) && !plan.Kept.ContainsKey(name), _cancel);
        await _planner.RecordAsync(set.Feed, plan, written, fingerprints, inputs, set.Pages.Sum(p => p.Entries.Count), set.Pages[0].Feed.Definition, _cancel);
        return plan;
    }

    [Fact]
    public async Task PlanAsync_NoRecord_WritesEveryPage()
    {
        var set = SetOf(TestEntries.Feed(5)); // the subscription page and two archives

        var plan = await _planner.PlanAsync(set, Fingerprints(set), _cancel);

        Assert.Equal([0, 1, 2], plan.Changed.Order());
        Assert.Empty(plan.Kept);
        Assert.False(plan.Stale);
    }

    [Fact]
    public async Task PlanAsync_SameFingerprintsAndDocumentsStoredAsWritten_WritesNothing()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));

        var plan = await _planner.PlanAsync(set, Fingerprints(set), _cancel);

        Assert.True(plan.NothingToWrite);
        Assert.Equal(3 * 3 + 1, plan.Kept.Count); // three formats per page, and the feed's page
    }

    [Fact]
    public async Task PlanAsync_OnePageFingerprintChanged_WritesThatPageOnly()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));

        var plan = await _planner.PlanAsync(set, ["page 0, an entry edited", "page 1", "page 2"], _cancel);

        Assert.Equal([0], plan.Changed);
        Assert.Equal(set.NamesOf(1).Concat(set.NamesOf(2)).Order(StringComparer.Ordinal), plan.Kept.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_ADocumentChangedInStorage_WritesItsPageAgain()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        var archive = set.NamesOf(1)[0];
        _storage.Documents[archive] = _storage.Documents[archive] with { Content = "tampered"u8.ToArray() };

        var plan = await _planner.PlanAsync(set, Fingerprints(set), _cancel);

        Assert.Equal([1], plan.Changed);
    }

    [Fact]
    public async Task PlanAsync_StoredDocumentNoPageWritesNow_IsStale()
    {
        var five = SetOf(TestEntries.Feed(5));
        await PublishAsync(five, Fingerprints(five));
        var one = SetOf(TestEntries.Feed(1)); // entries removed: the archive pages are no longer written

        var plan = await _planner.PlanAsync(one, Fingerprints(one, "; fewer entries"), _cancel);

        Assert.True(plan.Stale);
        Assert.False(plan.NothingToWrite);
    }

    [Fact]
    public async Task UnchangedAsync_SameInputsStateAndDocuments_GivesEveryFeedsResultWithoutWriting()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [], [], _cancel);

        var unchanged = await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel);

        var result = Assert.Single(Assert.NotNull(unchanged).Results);
        Assert.Equal((set.Feed, 5, 2, 0, 10), (result.Feed, result.Entries, result.Archives, result.Uploaded, result.Unchanged));
    }

    [Fact]
    public async Task UnchangedAsync_RecordWithoutTheFeedsDefinition_ReadsEverythingSoThatTheDefinitionIsRecorded()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [], [], _cancel);
        IPublicationRecordStore records = _storage;
        var record = await records.LoadAsync(set.Feed, _cancel);
        Assert.NotNull(record);
        await records.SaveAsync(set.Feed, record with { Definition = null }, _cancel); // as written before definitions were kept

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));
    }

    [Fact]
    public async Task LastDefinitionAsync_APublishedFeed_IsTheDefinitionItWasPublishedFrom()
    {
        var set = SetOf(TestEntries.Feed(5, name: "world"));
        await PublishAsync(set, Fingerprints(set));

        Assert.Equal(TestEntries.Definition("world"), await _planner.LastDefinitionAsync("world", _cancel));
        Assert.Null(await _planner.LastDefinitionAsync("never-published", _cancel));
    }

    [Fact]
    public async Task UnchangedAsync_OtherInputs_ReadsEverything()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [], [], _cancel);

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "other inputs", PublicBase, Now, _cancel));
    }

    [Fact]
    public async Task UnchangedAsync_StateChangedSinceThePublication_ReadsEverything()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [], [], _cancel);
        _storage.PutState(set.Feed, new FeedState()); // another worker published meanwhile

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));
    }

    [Fact]
    public async Task UnchangedAsync_LastRunHadProblemsToReport_ReadsEverything()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set), inputs: null);
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [], [], _cancel);

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));
    }

    [Fact]
    public async Task UnchangedAsync_FeedListNeverRecorded_ReadsEverything()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));
    }

    [Fact]
    public async Task UnchangedAsync_HeldArticleNotYetDue_GivesWhatTheLastRunHeld()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        var release = Now.AddSeconds(1);
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs",
            [new HeldArticle("world", "world/later.md", release), new HeldArticle("world", "world/latest.md", release.AddDays(1))], [], _cancel);

        var unchanged = Assert.NotNull(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));

        Assert.Equal((2, release), (unchanged.Held, unchanged.NextRelease));
    }

    [Fact]
    public async Task UnchangedAsync_HeldArticleDue_ReadsEverythingThoughNoFileChanged()
    {
        var set = SetOf(TestEntries.Feed(5));
        await PublishAsync(set, Fingerprints(set));
        await _planner.RecordFeedListAsync(new Dictionary<string, string>(), "inputs", [new HeldArticle("world", "world/later.md", Now)], [], _cancel);

        Assert.Null(await _planner.UnchangedAsync([set.Feed], "inputs", PublicBase, Now, _cancel));
    }
}
