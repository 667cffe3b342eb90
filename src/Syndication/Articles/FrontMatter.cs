namespace Syndication.Articles;

/// <summary>The fields an article's YAML front matter may set, already checked and typed.</summary>
internal sealed record FrontMatter
{
    public static readonly FrontMatter Empty = new();

    public string? Title { get; init; }

    public Uri? Id { get; init; }

    public Uri? Link { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public Person? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public LeadImage? Image { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<RelatedReference> Related { get; init; } = [];

    public bool Draft { get; init; }
}
