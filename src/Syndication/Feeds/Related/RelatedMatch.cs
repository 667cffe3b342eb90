namespace Syndication.Feeds.Related;

/// <summary>An article found related to another.</summary>
/// <param name="Key">The related article's key.</param>
/// <param name="Score">The cosine similarity of the two articles' term vectors, from 0 to 1.</param>
internal sealed record RelatedMatch(string Key, double Score);
