using Syndication.Feeds.Derived;

namespace Syndication.Articles;

/// <summary>A feed as <c>feeds/&lt;name&gt;/feed.json</c> defines it.</summary>
internal sealed record FeedDefinition
{
    /// <summary>The file name that marks a folder under the feeds folder as a feed.</summary>
    public const string FileName = "feed.json";

    /// <summary>The feed's name: its folder's name, and the prefix of its blobs.</summary>
    public required string Name { get; init; }

    /// <summary>The feed's title.</summary>
    public required string Title { get; init; }

    /// <summary>What the feed is about.</summary>
    public required string Description { get; init; }

    /// <summary>The web site the feed belongs to; article links default to <c>&lt;link&gt;/&lt;slug&gt;/</c>.</summary>
    public required Uri Link { get; init; }

    /// <summary>The language of the feed's articles, as a BCP 47 tag (<c>en</c>, <c>en-GB</c>, <c>uk</c>).</summary>
    public required string Language { get; init; }

    /// <summary>The author of articles that name none.</summary>
    public required Person Author { get; init; }

    /// <summary>
    /// How article links are made from slugs, with <c>{slug}</c> where the slug goes; the default is
    /// <c>&lt;link&gt;/{slug}/</c>.
    /// </summary>
    public string? ArticleLinkPattern { get; init; }

    /// <summary>A square image that stands for the feed (<c>icon</c> in <c>feed.json</c>), shown beside its entries.</summary>
    public Uri? Icon { get; init; }

    /// <summary>A wide image that stands for the feed (<c>logo</c>, or its alias <c>image</c>, in <c>feed.json</c>).</summary>
    public Uri? Logo { get; init; }

    /// <summary>
    /// How long readers may cache the feed before asking again (<c>ttl</c> in <c>feed.json</c>, whole minutes), or
    /// <see langword="null"/> for the newsroom's <c>Syndication:TimeToLive</c>. A property of the feed, so every
    /// process that writes it writes the same <c>&lt;ttl&gt;</c>, whatever its schedule.
    /// </summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>Which derived feeds (per tag, per author, all) the feed's articles go to, where <c>feed.json</c> says so.</summary>
    public DerivedFeedChoice Derived { get; init; } = DerivedFeedChoice.Unset;

    /// <summary>The page for an article whose front matter gives no link.</summary>
    public Uri ArticleLink(string slug)
    {
        var pattern = ArticleLinkPattern ?? Link.AbsoluteUri.TrimEnd('/') + "/{slug}/";
        return new Uri(pattern.Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal));
    }
}
