using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>A feed read from its folder: its definition and the articles that could be read.</summary>
/// <param name="Definition">What <c>feed.json</c> says.</param>
/// <param name="Articles">The articles, ordered by file name; those with errors are left out.</param>
internal sealed record SourceFeed(FeedDefinition Definition, IReadOnlyList<Article> Articles);
