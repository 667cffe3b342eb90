namespace Syndication.Formats;

/// <summary>The XML namespaces the feeds use, and the prefixes they are written with.</summary>
internal static class FeedNamespaces
{
    /// <summary>Atom 1.0 (RFC 4287).</summary>
    public const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The prefix of Atom elements inside RSS; validators expect <c>atom</c>, the formatter writes <c>a10</c>.</summary>
    public const string AtomPrefix = "atom";

    /// <summary>RSS 1.0 content module, for <c>content:encoded</c> (the full HTML body).</summary>
    public const string Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The prefix of the content module.</summary>
    public const string ContentPrefix = "content";

    /// <summary>Dublin Core elements, for <c>dc:creator</c> (RSS <c>author</c> must be an e-mail address).</summary>
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The prefix of Dublin Core.</summary>
    public const string DublinCorePrefix = "dc";

    /// <summary>Media RSS, for <c>media:content</c> (the lead picture with its caption and credit). The trailing slash belongs to it.</summary>
    public const string Media = "http://search.yahoo.com/mrss/";

    /// <summary>The prefix of Media RSS.</summary>
    public const string MediaPrefix = "media";

    /// <summary>Feed history (RFC 5005), for <c>fh:archive</c> in archive documents.</summary>
    public const string FeedHistory = "http://purl.org/syndication/history/1.0";

    /// <summary>The prefix of feed history.</summary>
    public const string FeedHistoryPrefix = "fh";

    /// <summary>The namespace of namespace declarations themselves.</summary>
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";
}
