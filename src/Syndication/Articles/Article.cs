using System.Text;

namespace Syndication.Articles;

/// <summary>One article as the newsroom wrote it, before it becomes a feed entry.</summary>
/// <remarks>
/// Values that the publisher fills in later (the first-published date of an undated article, the link derived
/// from the title, the entry id) are left empty here: reading a file never depends on storage or on the clock.
/// </remarks>
internal sealed record Article
{
    private readonly byte[] _bodyHtml = [];

    /// <summary>The path of the file, as given to the reader.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The file's name (with extension): the article's key within its feed.</summary>
    public required string FileName { get; init; }

    /// <summary>How the body was written.</summary>
    public required ArticleFormat Format { get; init; }

    /// <summary>The title, as plain text on one line.</summary>
    public required string Title { get; init; }

    /// <summary>The id from the front matter (an absolute URI), if the editor set one.</summary>
    public Uri? Id { get; init; }

    /// <summary>The article's web page from the front matter, if set.</summary>
    public Uri? Link { get; init; }

    /// <summary>The publication date from the front matter, if set.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The date of the last change from the front matter, if set.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The author from the front matter; the feed's author applies when absent.</summary>
    public Person? Author { get; init; }

    /// <summary>Tags (categories), in the order written, without duplicates.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The lead picture, or its caption and credit.</summary>
    public LeadImage? Image { get; init; }

    /// <summary>A short plain-text summary: the front matter's, or the first body paragraph shortened on a word boundary.</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// The body as HTML. For plain text it is built from encoded text; for Markdown it is Markdig's output and
    /// still contains whatever raw HTML the author wrote: it is sanitised once the article's link is known.
    /// </summary>
    /// <remarks>
    /// Kept as UTF-8 and decoded on each read: a publisher holds every article of a feed at once, and the bodies are
    /// most of that memory (half the size of a string for the mostly Latin text of news).
    /// </remarks>
    public required string BodyHtml
    {
        get => Encoding.UTF8.GetString(_bodyHtml);
        init => _bodyHtml = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The articles the editor pointed to, in the order written.</summary>
    public IReadOnlyList<RelatedReference> Related { get; init; } = [];

    /// <summary>
    /// Whether the front matter says <c>draft: true</c>: the source drops it as it drops a draft file name, so no
    /// step of publishing ever sees it.
    /// </summary>
    public bool Draft { get; init; }

    /// <summary>SHA-256 of the file's bytes (lowercase hex): tells whether the article changed since the last run.</summary>
    public required string ContentHash { get; init; }
}
