namespace Syndication.Formats;

/// <summary>The Content-Type each document is served with.</summary>
internal static class FeedMediaTypes
{
    /// <summary>RSS 2.0.</summary>
    public const string Rss = "application/rss+xml";

    /// <summary>Atom 1.0.</summary>
    public const string Atom = "application/atom+xml";

    /// <summary>JSON Feed 1.1.</summary>
    public const string Json = "application/feed+json";

    /// <summary>HTML pages.</summary>
    public const string Html = "text/html";

    /// <summary>OPML outlines.</summary>
    public const string Opml = "text/x-opml";

    /// <summary>The full Content-Type header value for a media type of UTF-8 text.</summary>
    public static string WithCharset(string mediaType) => mediaType + "; charset=utf-8";
}
