using Syndication.Articles;
using Syndication.Formats;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Decides what a run writes from the <see cref="PublicationRecord"/> of each feed's last publication: nothing at all
/// when no input changed, else only the pages whose fingerprint changed or whose documents are not stored as written;
/// and records each publication once written.
/// </summary>
internal sealed class PublicationPlanner(IDocumentStore documents, IPublicationRecordStore records, IFeedStateStore states)
{
    // The list of all feeds is recorded like a feed, under a name no feed folder can have (those starting with '.' are
    // ignored). The name predates the word "list"; it stays so that existing records are still found.
    private const string FeedListRecord = ".directory";

    /// <summary>
    /// The result of every feed (<paramref name="feeds"/>, the folder feeds, and the derived feeds last listed) when nothing changed since each was last published from the same
    /// <paramref name="inputs"/> (source files, settings, code) and no article held then is due at <paramref name="now"/>:
    /// each feed's state is at the version it was published from, and storage holds exactly the documents then
    /// written, as it does the list of all feeds. Also what that publication held. Otherwise <see langword="null"/>,
    /// and the run reads everything.
    /// </summary>
    /// <remarks>Nothing is written, so no lock is needed: a feed being written by another worker fails the comparison.</remarks>
    public async Task<(List<FeedPublishResult> Results, int Held, DateTimeOffset? NextRelease)?> UnchangedAsync(IReadOnlyList<string> feeds, string inputs,
        Uri publicBase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An article due now changes what is published though no file changed: the file hashes cannot tell.
        if (await records.LoadAsync(FeedListRecord, cancellationToken).ConfigureAwait(false) is not { } list || list.Inputs != inputs
            || list.NextRelease <= now)
        {
            return null;
        }

        foreach (var (name, hash) in list.Documents)
        {
            if (!(await documents.ListAsync(name, cancellationToken).ConfigureAwait(false)).TryGetValue(name, out var stored) || stored != hash)
            {
                return null;
            }
        }

        var results = new List<FeedPublishResult>(feeds.Count + list.Derived.Count);
        foreach (var name in feeds.Concat(list.Derived))
        {
            // A record from before definitions were kept is written again, so that a feed.json that breaks later finds one.
            if (await records.LoadAsync(name, cancellationToken).ConfigureAwait(false) is not { Definition: not null } record || record.Inputs != inputs
                || record.State != await states.VersionAsync(name, cancellationToken).ConfigureAwait(false)
                || !record.IsStoredIn(await documents.ListAsync(FeedDocumentSet.PrefixOf(name), cancellationToken).ConfigureAwait(false), blob => FeedDocumentSet.IsOwned(name, blob)))
            {
                return null;
            }

            results.Add(new FeedPublishResult(name, record.Entries, FeedUrls.For(publicBase, name).All, 0, record.Documents.Count, null,
                Archives: Math.Max(0, record.Pages.Count - 1)));
        }

        return (results, list.Held, list.NextRelease);
    }

    /// <summary>
    /// The pages of <paramref name="set"/> to write: all when the feed's last publication is unknown; otherwise those
    /// whose fingerprint differs from it, or whose documents are not stored as then written.
    /// </summary>
    public async Task<PublicationPlan> PlanAsync(FeedDocumentSet set, IReadOnlyList<string> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var name = set.Feed;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await records.LoadAsync(name, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return new PublicationPlan(Enumerable.Range(0, fingerprints.Count).ToHashSet(), kept, false);
        }

        var stored = await documents.ListAsync(FeedDocumentSet.PrefixOf(name), cancellationToken).ConfigureAwait(false);
        var changed = new HashSet<int>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < fingerprints.Count; page++)
        {
            var names = set.NamesOf(page);
            written.UnionWith(names);
            if (record.Holds(page, fingerprints[page], names, stored))
            {
                foreach (var document in names)
                {
                    kept[document] = stored[document];
                }
            }
            else
            {
                changed.Add(page);
            }
        }

        return new PublicationPlan(changed, kept, stored.Keys.Any(blob => FeedDocumentSet.IsOwned(name, blob) && !written.Contains(blob)));
    }

    /// <summary>Records the publication of <paramref name="feed"/>: what <paramref name="plan"/> kept and <paramref name="written"/> stored.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="plan">The plan the documents were written by.</param>
    /// <param name="written">What storage did.</param>
    /// <param name="fingerprints">The fingerprint of each page.</param>
    /// <param name="inputs">The run's input fingerprint, or <see langword="null"/> when the run must be repeated (its input had problems to report).</param>
    /// <param name="entries">How many entries the feed has.</param>
    /// <param name="definition">The definition the feed was published from.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task RecordAsync(string feed, PublicationPlan plan, UploadSummary written, IReadOnlyList<string> fingerprints, string? inputs, int entries,
        FeedDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(written);
        var record = new PublicationRecord(fingerprints, new Dictionary<string, string>(plan.Kept.Concat(written.Hashes), StringComparer.Ordinal))
        {
            Inputs = inputs,
            State = await states.VersionAsync(feed, cancellationToken).ConfigureAwait(false),
            Entries = entries,
            Definition = definition,
        };
        await records.SaveAsync(feed, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The definition feed <paramref name="feed"/> was last published from, or <see langword="null"/> when none is recorded.</summary>
    public async Task<FeedDefinition?> LastDefinitionAsync(string feed, CancellationToken cancellationToken) =>
        (await records.LoadAsync(feed, cancellationToken).ConfigureAwait(false))?.Definition is { } definition && definition.Name == feed ? definition : null;

    /// <summary>The derived feeds the last publication of the list of all feeds recorded.</summary>
    public async Task<IReadOnlyList<string>> DerivedAsync(CancellationToken cancellationToken) =>
        (await records.LoadAsync(FeedListRecord, cancellationToken).ConfigureAwait(false))?.Derived ?? [];

    /// <summary>
    /// Records the publication of the list of all feeds: its documents' MD5 by name, the articles the run held, and the
    /// derived feeds it listed (which no folder names).
    /// </summary>
    public Task RecordFeedListAsync(IReadOnlyDictionary<string, string> documents, string? inputs, IReadOnlyList<HeldArticle> held, IReadOnlyList<string> derived,
        CancellationToken cancellationToken) =>
        records.SaveAsync(FeedListRecord, new PublicationRecord([], documents)
        {
            Inputs = inputs,
            Held = held.Count,
            NextRelease = Embargo.NextOf(held),
            Derived = derived,
        }, cancellationToken);
}
