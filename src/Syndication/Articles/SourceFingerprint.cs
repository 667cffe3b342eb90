namespace Syndication.Articles;

/// <summary>What a source holds, found without parsing anything (see <see cref="IFeedSource.FingerprintAsync"/>).</summary>
/// <param name="Hash">A hash of every file the feeds are read from: each feed's definition and article files, by name and bytes.</param>
/// <param name="Feeds">The feeds: the folders with a definition file, by name.</param>
public sealed record SourceFingerprint(string Hash, IReadOnlyList<string> Feeds);
