namespace Syndication.Feeds.Related;

/// <summary>One article as the index knows it before reading its text.</summary>
/// <param name="Key">A stable, unique key (such as <c>world/000_story.txt</c>); it breaks ties between equal scores.</param>
/// <param name="Fingerprint">What the text is now (its file's content hash): a <see cref="TermTable"/> entry counted under another is read again; <see langword="null"/> always reads it.</param>
internal sealed record RelatedKey(string Key, string? Fingerprint);
