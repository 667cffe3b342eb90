namespace Syndication.Formats;

/// <summary>The public URLs of one feed's documents; each document links to itself and to the others.</summary>
/// <param name="Rss">The RSS 2.0 document.</param>
/// <param name="Atom">The Atom 1.0 document.</param>
/// <param name="Json">The JSON Feed 1.1 document.</param>
/// <param name="Page">The feed's page for people.</param>
public sealed record FeedUrls(Uri Rss, Uri Atom, Uri Json, Uri Page)
{
    /// <summary>The RSS document's name within the feed's prefix.</summary>
    public const string RssFileName = "rss.xml";

    /// <summary>The Atom document's name within the feed's prefix.</summary>
    public const string AtomFileName = "atom.xml";

    /// <summary>The JSON Feed document's name within the feed's prefix.</summary>
    public const string JsonFileName = "feed.json";

    /// <summary>The page's name within the feed's prefix.</summary>
    public const string PageFileName = "index.html";

    /// <summary>The URLs of feed <paramref name="feedName"/> published under <paramref name="publicBase"/>.</summary>
    public static FeedUrls For(Uri publicBase, string feedName)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        var root = publicBase.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(feedName) + "/";
        return new FeedUrls(new Uri(root + RssFileName), new Uri(root + AtomFileName), new Uri(root + JsonFileName), new Uri(root + PageFileName));
    }

    /// <summary>All four, in a stable order.</summary>
    public IReadOnlyList<Uri> All => [Rss, Atom, Json, Page];
}
