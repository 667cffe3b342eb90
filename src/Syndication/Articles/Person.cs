namespace Syndication.Articles;

/// <summary>An author: of a feed (from <c>feed.json</c>) or of an article (from its front matter).</summary>
/// <param name="Name">The name shown to readers.</param>
/// <param name="Uri">A page about the person, when known.</param>
/// <param name="Email">An e-mail address, when the person wants it published.</param>
internal sealed record Person(string Name, Uri? Uri = null, string? Email = null);
