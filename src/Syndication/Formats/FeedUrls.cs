namespace Syndication.Formats;

/// <summary>The public URLs of one feed's documents; each document links to itself and to the others.</summary>
/// <param name="Rss">The RSS 2.0 document.</param>
/// <param name="Atom">The Atom 1.0 document.</param>
/// <param name="Json">The JSON Feed 1.1 document.</param>
/// <param name="Page">The feed's page for people.</param>
internal sealed record FeedUrls(Uri Rss, Uri Atom, Uri Json, Uri Page)
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
        // A derived feed's name has folders (tags/<slug>): each is a path segment of its own.
        var root = publicBase.AbsoluteUri.TrimEnd('/') + "/" + string.Join('/', feedName.Split('/').Select(Uri.EscapeDataString)) + "/";
        return new FeedUrls(new Uri(root + RssFileName), new Uri(root + AtomFileName), new Uri(root + JsonFileName), new Uri(root + PageFileName));
    }

    /// <summary>The WebSub hub that subscription documents announce (<c>rel="hub"</c>), if any.</summary>
    public Uri? Hub { get; init; }

    /// <summary>The page documenting the JSON Feed extension object, written as its <c>about</c>, if any.</summary>
    public Uri? ExtensionAbout { get; init; }

    /// <summary>The folder of archive documents within the feed's prefix.</summary>
    public const string ArchiveFolder = "archive";

    /// <summary>All four, in a stable order.</summary>
    public IReadOnlyList<Uri> All => [Rss, Atom, Json, Page];

    /// <summary>The subscription document of <paramref name="format"/>.</summary>
    public Uri Current(FeedFormat format) => format switch
    {
        FeedFormat.Rss => Rss,
        FeedFormat.Atom => Atom,
        _ => Json,
    };

    /// <summary>The name, within the feed's prefix, of archive page <paramref name="page"/> (1 is the oldest) of <paramref name="format"/>.</summary>
    public static string ArchiveFileName(FeedFormat format, int page) => format switch
    {
        FeedFormat.Rss => $"{ArchiveFolder}/{page}.rss.xml",
        FeedFormat.Atom => $"{ArchiveFolder}/{page}.xml",
        _ => $"{ArchiveFolder}/{page}.json",
    };

    /// <summary>The name, within the feed's prefix, of the subscription document of <paramref name="format"/>.</summary>
    public static string CurrentFileName(FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssFileName,
        FeedFormat.Atom => AtomFileName,
        _ => JsonFileName,
    };

    /// <summary>The URL of archive page <paramref name="page"/> of <paramref name="format"/>.</summary>
    public Uri Archive(FeedFormat format, int page) => new(Rss, ArchiveFileName(format, page));
}
