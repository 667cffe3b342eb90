namespace Syndication.Feeds.Related;

/// <summary>One article as the similarity computation sees it.</summary>
/// <param name="Key">A stable, unique key (such as <c>world/000_story.txt</c>); it breaks ties between equal scores.</param>
/// <param name="Title">The title; its terms count twice.</param>
/// <param name="Text">The body as plain text.</param>
/// <param name="Excluded">Keys of articles never to return for this one (those the editor already links to).</param>
internal sealed record RelatedDocument(string Key, string Title, string Text, IReadOnlyCollection<string> Excluded);
