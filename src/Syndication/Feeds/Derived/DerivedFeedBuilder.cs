namespace Syndication.Feeds.Derived;

/// <summary>
/// Builds a derived feed from the entries its folder feeds were built with: each entry keeps its id, dates, link,
/// content and related links, so a reader subscribed to both sees one article, and nothing here reads the clock.
/// </summary>
internal static class DerivedFeedBuilder
{
    /// <summary>
    /// The feed <paramref name="derived"/> of <paramref name="plan"/>, from <paramref name="sources"/> (the built folder
    /// feeds); its id and its date when empty come from its own <paramref name="state"/>.
    /// </summary>
    /// <remarks>An entry appears once, though two folder feeds gave the same id (the first feed by name keeps it).</remarks>
    public static Feed Build(DerivedFeed derived, DerivedFeedPlan plan, IEnumerable<Feed> sources, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(state);
        var name = derived.Definition.Name;
        var entries = sources
            .Where(source => derived.Sources.Contains(source.Name, StringComparer.Ordinal))
            .OrderBy(source => source.Name, StringComparer.Ordinal)
            .SelectMany(source => source.Entries.Where(e => plan.FeedsOf(source.Name, e.Tags, e.Author).Contains(name, StringComparer.Ordinal)))
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
