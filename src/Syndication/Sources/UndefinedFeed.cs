using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>
/// A feed folder whose <c>feed.json</c> is there but cannot be read now, with the articles that could be read: a feed
/// published before stays published from its last good definition until the file is fixed.
/// </summary>
/// <param name="Name">The folder's name.</param>
/// <param name="DefinitionFile">The path of its <c>feed.json</c>, as diagnostics name it.</param>
/// <param name="Articles">The articles, ordered by file name; those with errors are left out.</param>
internal sealed record UndefinedFeed(string Name, string DefinitionFile, IReadOnlyList<Article> Articles);
