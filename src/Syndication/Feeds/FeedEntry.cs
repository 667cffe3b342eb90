using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>One entry of a feed with every value resolved: what each format writes, and nothing format-specific.</summary>
internal sealed record FeedEntry
{
    private string? _contentHtml;
    private Func<string>? _makeContentHtml;

    /// <summary>The stable id (an absolute URI, by default a <c>tag:</c> URI).</summary>
    public required Uri Id { get; init; }

    /// <summary>The article's web page.</summary>
    public required Uri Link { get; init; }

    /// <summary>The title, as plain text.</summary>
    public required string Title { get; init; }

    /// <summary>When the article was first published.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>When the article last changed; never earlier than <see cref="Published"/>.</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The author: the article's, or the feed's.</summary>
    public required Person Author { get; init; }

    /// <summary>A short plain-text summary.</summary>
    public required string Summary { get; init; }

    /// <summary>The full body as sanitised HTML with absolute URLs, including the lead picture's figure.</summary>
    /// <remarks>
    /// Made by <see cref="MakeContentHtml"/> on every read when not given: an entry does not keep it, so a feed of any
    /// size never holds every entry's HTML at once. Writers that read it more than once take <see cref="WithContent"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The entry was made with neither this nor <see cref="MakeContentHtml"/>.</exception>
    public string ContentHtml
    {
        get => _contentHtml ?? _makeContentHtml?.Invoke() ?? throw new InvalidOperationException($"The entry {Id} has no content.");
        init => _contentHtml = value;
    }

    /// <summary>This entry with its <see cref="ContentHtml"/> made once and kept: for writing one page in several formats.</summary>
    public FeedEntry WithContent() => _contentHtml is null ? this with { ContentHtml = ContentHtml } : this;

    /// <summary>
    /// Makes <see cref="ContentHtml"/> when it is first read. Sanitising is the costly part of an entry, and a run
    /// writes only the pages that changed: the entries of the others never need their content.
    /// </summary>
    public Func<string>? MakeContentHtml
    {
        get => _makeContentHtml;
        init => _makeContentHtml = value;
    }

    /// <summary>Tags, written as categories.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The lead picture, or its caption and credit.</summary>
    public LeadImage? Image { get; init; }

    /// <summary>Related articles, explicit ones first.</summary>
    public IReadOnlyList<RelatedLink> Related { get; init; } = [];

    /// <summary>The article file the entry came from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>SHA-256 of the article file's bytes: with the other values, what the entry's content is made from.</summary>
    public string SourceHash { get; init; } = string.Empty;
}
