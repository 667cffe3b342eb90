using System.Text;

namespace Syndication.Tests.Readers;

/// <summary>
/// One article of <see cref="HostileFeed"/>, as the newsroom typed it. The <c>Shown…</c> members are what a reader
/// must show: the same text after only the README's normalisations, never what the project wrote.
/// </summary>
/// <param name="FileName">The article's file name in the feed's folder.</param>
/// <param name="Id">The id given in the front matter, which readers report as the entry's id or guid.</param>
/// <param name="Title">The first line of the file.</param>
/// <param name="Summary">The front matter's <c>summary</c>, short enough to be used as given.</param>
internal sealed record HostileArticle(string FileName, string Id, string Title, string Summary)
{
    /// <summary>The front matter's <c>author</c>; without one the feed's author is the entry's.</summary>
    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The "Read also" titles of the front matter's <c>related</c>, each with its URL or none.</summary>
    public IReadOnlyList<RelatedTitle> Related { get; init; } = [];

    public LeadPicture? Image { get; init; }

    /// <summary>The body: one paragraph of plain text.</summary>
    public string Body { get; init; } = "Body.";

    public string ShownTitle => ReaderText.Folded(Title);

    public string ShownAuthor => ReaderText.Folded(Author ?? HostileFeed.Author);

    public IReadOnlyList<string> ShownTags => [.. Tags.Select(ReaderText.Folded)];

    /// <summary>The file's text: YAML front matter (single-quoted scalars, so nothing in them is YAML syntax), title, body.</summary>
    public string FileText()
    {
        var text = new StringBuilder("---\n");
        text.Append($"id: {Yaml(Id)}\n");
        text.Append($"summary: {Yaml(Summary)}\n");
        if (Author is not null)
        {
            text.Append($"author: {Yaml(Author)}\n");
        }

        if (Tags.Count > 0)
        {
            text.Append($"tags: [{string.Join(", ", Tags.Select(Yaml))}]\n");
        }

        if (Image is { } image)
        {
            text.Append($"image: {{ url: {Yaml(image.Url)}, caption: {Yaml(image.Caption)}, credit: {Yaml(image.Credit)} }}\n");
        }

        if (Related.Count > 0)
        {
            text.Append("related:\n");
            foreach (var related in Related)
            {
                text.Append(related.Url is null ? $"  - {Yaml(related.Title)}\n" : $"  - {{ title: {Yaml(related.Title)}, url: {Yaml(related.Url)} }}\n");
            }
        }

        return text.Append($"---\n{Title}\n\n{Body}\n").ToString();
    }

    private static string Yaml(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A "Read also" line: the title the editor typed, with a URL or (to be linked by slug) without.</summary>
    public sealed record RelatedTitle(string Title, string? Url = null);

    /// <summary>The lead picture: its URL, caption and credit.</summary>
    public sealed record LeadPicture(string Url, string Caption, string Credit);
}
