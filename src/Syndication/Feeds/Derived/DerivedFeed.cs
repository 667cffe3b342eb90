using Syndication.Articles;

namespace Syndication.Feeds.Derived;

/// <summary>A feed made from articles of folder feeds: all of them, those of one author, or those of one tag.</summary>
/// <param name="Definition">What the feed says of itself; its name is <c>all</c>, <c>authors/&lt;slug&gt;</c> or <c>tags/&lt;slug&gt;</c>.</param>
/// <param name="Sources">The folder feeds it draws articles from, by name, in order.</param>
internal sealed record DerivedFeed(FeedDefinition Definition, IReadOnlyList<string> Sources);
