namespace Syndication.Formats;

/// <summary>What a document is for; storage picks its caching policy by kind.</summary>
public enum DocumentKind
{
    /// <summary>A feed that readers poll: RSS, Atom, JSON Feed.</summary>
    Feed,

    /// <summary>A page for people: a feed's <c>index.html</c> or the list of all feeds.</summary>
    Page,

    /// <summary>The OPML list of all feeds, imported once by readers.</summary>
    Outline,
}
