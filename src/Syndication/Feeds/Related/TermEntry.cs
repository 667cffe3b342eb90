namespace Syndication.Feeds.Related;

/// <summary>One article's distinct terms (ids of its <see cref="TermTable"/>) in the order they first occur, with their counts.</summary>
/// <param name="Fingerprint">What the article's text was when counted (its file's content hash); <see langword="null"/> when unknown, and then never kept.</param>
/// <param name="Terms">The term ids, each once, in order of first occurrence (title twice, then text).</param>
/// <param name="Counts">How often each term occurs.</param>
internal sealed record TermEntry(string? Fingerprint, int[] Terms, int[] Counts);
