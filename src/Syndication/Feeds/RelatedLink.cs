namespace Syndication.Feeds;

/// <summary>A link from an entry to a related article.</summary>
/// <param name="Href">The related article's page.</param>
/// <param name="Title">The related article's title, as the editor wrote it.</param>
/// <param name="Source">How the URL was found.</param>
internal sealed record RelatedLink(Uri Href, string Title, RelatedLinkSource Source);
