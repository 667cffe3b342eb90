namespace Syndication.Publishing;

/// <summary>What one feed's publication must write, from its <see cref="Storage.PublicationRecord"/> and what storage holds now.</summary>
/// <param name="Changed">The pages to render and write.</param>
/// <param name="Kept">The documents of the other pages, which stay as they are, with their stored MD5 by name.</param>
/// <param name="Stale">Whether storage holds a document of the feed that no page writes now (to be deleted).</param>
internal sealed record PublicationPlan(IReadOnlySet<int> Changed, IReadOnlyDictionary<string, string> Kept, bool Stale)
{
    /// <summary>Whether storage already holds exactly what the feed writes.</summary>
    public bool NothingToWrite => Changed.Count == 0 && !Stale;
}
