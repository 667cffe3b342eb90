namespace Syndication.Formats;

/// <summary>Link relation types (IANA registry) the feeds use.</summary>
internal static class LinkRelations
{
    /// <summary>The document's own public URL.</summary>
    public const string Self = "self";

    /// <summary>The web page of the feed or entry.</summary>
    public const string Alternate = "alternate";

    /// <summary>A related article.</summary>
    public const string Related = "related";

    /// <summary>The subscription document, from an archive document (RFC 5005).</summary>
    public const string Current = "current";

    /// <summary>The next older archive document (RFC 5005).</summary>
    public const string PrevArchive = "prev-archive";

    /// <summary>The next newer archive document (RFC 5005).</summary>
    public const string NextArchive = "next-archive";

    /// <summary>The WebSub hub that pushes updates of the feed to subscribers.</summary>
    public const string Hub = "hub";

    /// <summary>The image that stands for a page, shown by browsers in its tab (HTML).</summary>
    public const string Icon = "icon";

    /// <summary>A file that belongs with the entry (the lead picture).</summary>
    public const string Enclosure = "enclosure";
}
