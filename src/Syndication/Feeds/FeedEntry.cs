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

    /// <summary>
    /// The full body as sanitised HTML with absolute URLs: the lead picture's figure, the body, and the related links
    /// under a "Read also" heading (<see cref="ReadAlsoList"/>).
    /// </summary>
    /// <remarks>
    /// Made by <see cref="MakeContentHtml"/> when first read, and kept by the entry from then on. The publisher reads
    /// it only on the copies <see cref="WithContent"/> makes for the page being written, so a feed of any size never
    /// holds every entry's HTML at once.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The entry was made with neither this nor <see cref="MakeContentHtml"/>.</exception>
    public string ContentHtml
    {
        get => _contentHtml ??= MakeContent();
        init => _contentHtml = value;
    }

    /// <summary>
    /// A copy of this entry with its <see cref="ContentHtml"/> made, for writing one page in several formats; this
    /// entry does not keep the HTML, which goes with the copy.
    /// </summary>
    public FeedEntry WithContent() => _contentHtml is null ? this with { ContentHtml = MakeContent() } : this;

    /// <summary>
    /// Makes <see cref="ContentHtml"/> when it is first read. Sanitising is the costly part of an entry, and a run
    /// writes only the pages that changed: the entries of the others never need their content.
    /// </summary>
    public Func<string>? MakeContentHtml
    {
        get => _makeContentHtml;
        init => _makeContentHtml = value;
    }

    private string MakeContent() => _makeContentHtml?.Invoke() ?? throw new InvalidOperationException($"The entry {Id} has no content.");

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
