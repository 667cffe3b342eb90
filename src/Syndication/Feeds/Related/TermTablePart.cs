namespace Syndication.Feeds.Related;

/// <summary>One part of a <see cref="TermTable"/> as read, its terms already numbered in the table it was read into.</summary>
/// <param name="Context">What the entries were counted under.</param>
/// <param name="Part">Which part it is.</param>
/// <param name="Entries">The entries, by article key.</param>
internal sealed record TermTablePart(string Context, int Part, IReadOnlyList<KeyValuePair<string, TermEntry>> Entries);
