namespace Syndication.Feeds.Derived;

/// <summary>
/// Builds a derived feed from the entries its folder feeds were built with: each entry keeps its id, dates, link,
/// content and related links, so a reader subscribed to both sees one article, and nothing here reads the clock.
/// </summary>
internal static class DerivedFeedBuilder
{
    /// <summary>
    /// The entries of every derived feed of <paramref name="plan"/>, by name: each entry of <paramref name="sources"/>
    /// (the built folder feeds, taken in order of name) under each feed it belongs to. Made once per run, so the cost
    /// grows with the entries and their tags, not with entries times derived feeds.
    /// </summary>
    public static Dictionary<string, List<FeedEntry>> Assign(DerivedFeedPlan plan, IEnumerable<Feed> sources)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sources);
        var members = new Dictionary<string, List<FeedEntry>>(StringComparer.Ordinal);
        foreach (var source in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var entry in source.Entries)
            {
                foreach (var name in plan.FeedsOf(source.Name, entry.Tags, entry.Author))
                {
                    (members.TryGetValue(name, out var list) ? list : members[name] = []).Add(entry);
                }
            }
        }

        return members;
    }

    /// <summary>
    /// The feed <paramref name="derived"/> of the <paramref name="members"/> <see cref="Assign"/> gave it; its id and its
    /// date when empty come from its own <paramref name="state"/>.
    /// </summary>
    /// <remarks>An entry appears once, though two folder feeds gave the same id (the first feed by name keeps it).</remarks>
    public static Feed Build(DerivedFeed derived, IEnumerable<FeedEntry> members, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(state);
        var name = derived.Definition.Name;
        var entries = members
            .DistinctBy(e => e.Id.OriginalString, StringComparer.Ordinal)
            .OrderByDescending(e => e.Published)
            .ThenBy(e => e.Id.OriginalString, StringComparer.Ordinal)
            .ToList();
        var host = derived.Definition.Link.IdnHost;
        return new Feed
        {
            Definition = derived.Definition,
            Id = TagUri.Create(host.Length > 0 ? host : "localhost", state.Created, name.Split('/')),
            Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : state.Created,
            Entries = entries,
        };
    }
}
