using System.Text.RegularExpressions;

namespace Syndication.Tests.Properties;

/// <summary>What an article's entry must show, computed from the generated input by the documented rules alone.</summary>
/// <remarks>A <see langword="null"/> text is one the rules do not predict (Markdown's own reading of a body); it is not compared.</remarks>
internal sealed record ExpectedEntry
{
    public required string File { get; init; }

    public required Uri Link { get; init; }

    public required ArticleFate Fate { get; init; }

    /// <summary>Words the error must contain, for a skipped article.</summary>
    public string? Error { get; init; }

    public string? Title { get; init; }

    /// <summary>The text the summary is made from: the front matter's, else the first paragraph, else the title (shortened when long).</summary>
    public string? Summary { get; init; }

    public string Author { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Whether the caption and credit are the front matter's (no "Photo:" in the body could take their place).</summary>
    public bool ImageKnown { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>The titles of the editor's related links, in order.</summary>
    public IReadOnlyList<string>? Related { get; init; }

    /// <summary>The text of each <c>&lt;p&gt;</c> of a plain-text body.</summary>
    public IReadOnlyList<string>? Paragraphs { get; init; }
}

/// <summary>Whether an article must publish, must be skipped with an error, or may do either (Markdown the rules cannot read).</summary>
internal enum ArticleFate
{
    Published,
    Skipped,
    Either,
}

/// <summary>What the feed's own texts must read as, or <see cref="Title"/> <see langword="null"/> when the feed is skipped.</summary>
internal sealed record ExpectedFeed(string? Title, string Description, string Author);

/// <summary>The documented rules applied to a <see cref="TextFeed"/>.</summary>
internal static partial class ExpectedText
{
    /// <summary>Syndication:Articles:SummaryLength's default.</summary>
    public const int SummaryLength = 280;

    private const int MaxFrontMatter = 64 * 1024;

    public static ExpectedFeed Feed(TextFeedDefinition definition)
    {
        var title = NormalisedText.Field(definition.AsRead(definition.Title));
        if (title.Length == 0)
        {
            return new ExpectedFeed(null, string.Empty, string.Empty);
        }

        return new ExpectedFeed(title, OrDefault(definition.Description, title), OrDefault(definition.AuthorName, title));

        string OrDefault(string? text, string fallback) =>
            text is not null && NormalisedText.Field(definition.AsRead(text)) is { Length: > 0 } field ? field : fallback;
    }

    public static ExpectedEntry Entry(TextArticle article, int index, string path, string feedAuthor)
    {
        var skipped = new ExpectedEntry { File = path, Link = TextArticle.Link(index), Fate = ArticleFate.Skipped };
        var source = NormalisedText.AsUtf8(article.BodySection(index));
        if (source.Contains('\0', StringComparison.Ordinal))
        {
            return skipped with { Error = "binary" };
        }

        if (article.FrontMatter(index).Length > MaxFrontMatter)
        {
            return skipped with { Error = "the front matter has" };
        }

        // YAML's \u escapes are code points: a surrogate only as half of a pair.
        if (article.FrontMatterTexts().Any(NormalisedText.HasLoneSurrogate))
        {
            return skipped with { Error = "malformed front matter" };
        }

        var lines = NormalisedText.RemoveInvalidXmlCharacters(NormalisedText.LineEnds(source)).Split('\n').ToList();
        var fate = ArticleFate.Published;
        var title = NormalisedText.Field(article.Title) is { Length: > 0 } field ? field : null;
        if (title is null)
        {
            // The first line of text is the title: plain text folded, Markdown reduced to its text (not predicted here).
            var first = lines.FindIndex(line => !string.IsNullOrWhiteSpace(line));
            if (first < 0)
            {
                return skipped with { Error = "no title" };
            }

            if (article.Markdown)
            {
                fate = ArticleFate.Either;
            }
            else
            {
                title = NormalisedText.CollapseWhiteSpace(lines[first]);
            }

            lines.RemoveRange(0, first + 1);
        }

        // A body that could itself hold a "Read also:" line or a "Photo:" caption is not predicted line by line.
        var plain = !Unpredictable().IsMatch(NormalisedText.AsUtf8(article.Body));
        var related = article.Related.Select(NormalisedText.Field).Where(t => t.Length > 0).ToList();
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (article.Markdown && CodeFence().IsMatch(lines[i]))
            {
                inFence = !inFence;
            }

            if (!inFence && ReadAlsoLine().Match(lines[i]) is { Success: true } match)
            {
                related.Add(NormalisedText.CollapseWhiteSpace(match.Groups["title"].Value.Trim().Trim('*', '_')));
                lines[i] = string.Empty;
            }
        }

        var paragraphs = Paragraphs(lines);
        var summary = NormalisedText.Field(article.Summary ?? string.Empty) is { Length: > 0 } given
            ? given
            : article.Markdown || !plain
                ? null
                : paragraphs.Count > 0 ? NormalisedText.CollapseWhiteSpace(paragraphs[0]) : title;

        return new ExpectedEntry
        {
            File = path,
            Link = TextArticle.Link(index),
            Fate = fate,
            Title = title,
            Summary = summary,
            Author = NormalisedText.Field(article.Author ?? string.Empty) is { Length: > 0 } author ? author : feedAuthor,
            Tags = [.. (article.TagsAsText ? string.Join(", ", article.Tags).Split(',') : article.Tags)
                .Select(NormalisedText.Field).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            ImageKnown = plain,
            Caption = Optional(article.Caption),
            Credit = Optional(article.Credit),
            Related = plain ? related : null,
            Paragraphs = plain && !article.Markdown ? paragraphs : null,
        };
    }

    /// <summary>Blank lines separate paragraphs; each line is trimmed and kept.</summary>
    private static List<string> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Append(string.Empty))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                current.Add(line.Trim());
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(string.Join('\n', current));
                current.Clear();
            }
        }

        return paragraphs;
    }

    private static string? Optional(string? text) => text is not null && NormalisedText.Field(text) is { Length: > 0 } field ? field : null;

    [GeneratedRegex(@"^Read also: \[(?<title>.*)\]\(https://news\.example\.com/s/\d+/\d+/\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReadAlsoLine();

    [GeneratedRegex(@"(read|see)\s+(also|more)\s*:|photo\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unpredictable();

    // CommonMark: a fence is three backticks or tildes after at most three spaces; "Read also" lines inside one are code.
    [GeneratedRegex(@"^\s{0,3}(?:```|~~~)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFence();
}
