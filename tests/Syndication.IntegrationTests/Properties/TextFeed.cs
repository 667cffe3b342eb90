using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Syndication.Tests.Properties;

/// <summary>A generated feed: <c>feed.json</c>'s texts and its articles, written as files in <see cref="WriteTo"/>.</summary>
public sealed record TextFeed(TextFeedDefinition Definition, TextArticle[] Articles)
{
    public const string Name = "gen";

    /// <summary>Writes <c>&lt;feeds&gt;/gen/feed.json</c> and one file per article; returns the feed's folder.</summary>
    public string WriteTo(string feedsPath)
    {
        var folder = Directory.CreateDirectory(Path.Combine(feedsPath, Name)).FullName;
        File.WriteAllText(Path.Combine(folder, "feed.json"), Definition.Json(), Encoding.UTF8);
        for (var i = 0; i < Articles.Length; i++)
        {
            // Encoding.UTF8 writes U+FFFD for a lone surrogate, which UTF-8 cannot carry.
            File.WriteAllText(Path.Combine(folder, Articles[i].FileName(i)), Articles[i].FileText(i), new UTF8Encoding(false));
        }

        return folder;
    }

    /// <summary>The feed as C# to paste into a regression test.</summary>
    public override string ToString() =>
        $"new TextFeed({Definition}, [{string.Join(", ", Articles.Select(a => a.ToString()))}])";

    internal static string Literal(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c is >= ' ' and <= '~' => c.ToString(),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }

        return literal.Append('"').ToString();
    }

    internal static string Literal(string[] texts) => $"[{string.Join(", ", texts.Select(t => Literal(t)))}]";
}

/// <summary>The texts of <c>feed.json</c>.</summary>
/// <param name="Title">The feed's title.</param>
/// <param name="Description">The description, or <see langword="null"/> to leave it out.</param>
/// <param name="AuthorName">The author's name, or <see langword="null"/> to leave the author out.</param>
/// <param name="AuthorAsString">Whether the author is written as a name rather than as <c>{ "name": … }</c>.</param>
/// <param name="Serializer">
/// Whether the strings are written by <see cref="JsonSerializer"/> (which writes U+FFFD for a lone surrogate)
/// rather than escaped by hand (every character outside printable ASCII as <c>\uXXXX</c>, lone surrogates included).
/// </param>
public sealed record TextFeedDefinition(string Title, string? Description, string? AuthorName, bool AuthorAsString, bool Serializer)
{
    public const string Link = "https://news.example.com/";

    public string Json()
    {
        var properties = new List<string> { $"\"title\": {String(Title)}", $"\"link\": \"{Link}\"", "\"language\": \"en\"" };
        if (Description is not null)
        {
            properties.Add($"\"description\": {String(Description)}");
        }

        if (AuthorName is not null)
        {
            properties.Add(AuthorAsString ? $"\"author\": {String(AuthorName)}" : $"\"author\": {{ \"name\": {String(AuthorName)} }}");
        }

        return "{ " + string.Join(", ", properties) + " }\n";
    }

    /// <summary>A string as its reader sees it before the documented normalisations.</summary>
    public string AsRead(string text) => Serializer ? NormalisedText.AsUtf8(text) : text;

    private string String(string text)
    {
        if (Serializer)
        {
            return JsonSerializer.Serialize(text);
        }

        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    public override string ToString() =>
        $"new TextFeedDefinition({TextFeed.Literal(Title)}, {TextFeed.Literal(Description)}, {TextFeed.Literal(AuthorName)}, {(AuthorAsString ? "true" : "false")}, {(Serializer ? "true" : "false")})";
}

/// <summary>One generated article: every text field, the front matter's written as YAML double-quoted scalars.</summary>
/// <param name="Markdown">Whether the file is <c>.md</c> rather than <c>.txt</c>.</param>
/// <param name="Title">Front matter <c>title</c> (always written; when it normalises to nothing the body's first line is the title).</param>
/// <param name="Summary">Front matter <c>summary</c>, or <see langword="null"/> to leave it out.</param>
/// <param name="Author">Front matter <c>author</c>, or <see langword="null"/> to leave it out.</param>
/// <param name="AuthorAsMapping">Whether the author is written as <c>{ name: … }</c> rather than as a name.</param>
/// <param name="Tags">Front matter <c>tags</c>.</param>
/// <param name="TagsAsText">Whether the tags are written as one comma-separated text rather than as a list.</param>
/// <param name="Caption">The image's caption, or <see langword="null"/>; the image always has a URL.</param>
/// <param name="Credit">The image's credit, or <see langword="null"/>.</param>
/// <param name="Related">Front matter <c>related</c> titles, each with its own URL.</param>
/// <param name="ReadAlso">Titles of "Read also: [title](url)" lines after the body.</param>
/// <param name="Body">The body, written as it is (in UTF-8).</param>
public sealed record TextArticle(
    bool Markdown,
    string Title,
    string? Summary,
    string? Author,
    bool AuthorAsMapping,
    string[] Tags,
    bool TagsAsText,
    string? Caption,
    string? Credit,
    string[] Related,
    string[] ReadAlso,
    string Body)
{
    public string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"{index:D3}.{(Markdown ? "md" : "txt")}");

    public static Uri Link(int index) => new(string.Create(CultureInfo.InvariantCulture, $"https://news.example.com/a/{index}/"));

    public static string RelatedUrl(int index, int related) => string.Create(CultureInfo.InvariantCulture, $"https://news.example.com/r/{index}/{related}/");

    public static string ReadAlsoUrl(int index, int related) => string.Create(CultureInfo.InvariantCulture, $"https://news.example.com/s/{index}/{related}/");

    /// <summary>Every string written into the front matter.</summary>
    public IEnumerable<string> FrontMatterTexts() =>
        new[] { Title, Summary, Author, Caption, Credit }.OfType<string>().Concat(Tags).Concat(Related);

    /// <summary>The front matter between its <c>---</c> lines, as the reader passes it to YAML (lines joined by LF).</summary>
    public string FrontMatter(int index)
    {
        var yaml = new StringBuilder();
        yaml.Append("title: ").Append(Yaml(Title)).Append('\n');
        yaml.Append("link: \"").Append(Link(index).AbsoluteUri).Append("\"\n");
        yaml.Append(CultureInfo.InvariantCulture, $"published: 2020-01-01T{index / 60:D2}:{index % 60:D2}:00Z\n");
        if (Summary is not null)
        {
            yaml.Append("summary: ").Append(Yaml(Summary)).Append('\n');
        }

        if (Author is not null)
        {
            yaml.Append(AuthorAsMapping ? $"author: {{ name: {Yaml(Author)} }}\n" : $"author: {Yaml(Author)}\n");
        }

        if (Tags.Length > 0)
        {
            yaml.Append(TagsAsText ? $"tags: {Yaml(string.Join(", ", Tags))}\n" : $"tags: [{string.Join(", ", Tags.Select(Yaml))}]\n");
        }

        yaml.Append(CultureInfo.InvariantCulture, $"image: {{ url: \"https://img.example.com/{index}.jpg\"");
        if (Caption is not null)
        {
            yaml.Append(", caption: ").Append(Yaml(Caption));
        }

        if (Credit is not null)
        {
            yaml.Append(", credit: ").Append(Yaml(Credit));
        }

        yaml.Append(" }\n");
        if (Related.Length > 0)
        {
            yaml.Append("related:\n");
            for (var i = 0; i < Related.Length; i++)
            {
                yaml.Append("  - { title: ").Append(Yaml(Related[i])).Append(", url: \"").Append(RelatedUrl(index, i)).Append("\" }\n");
            }
        }

        return yaml.ToString(0, yaml.Length - 1);
    }

    /// <summary>What follows the front matter: the body, a blank line, and the "Read also" lines.</summary>
    public string BodySection(int index) =>
        Body + "\n\n" + string.Concat(ReadAlso.Select((title, i) => $"Read also: [{title}]({ReadAlsoUrl(index, i)})\n"));

    public string FileText(int index) => "---\n" + FrontMatter(index) + "\n---\n" + BodySection(index);

    /// <summary>
    /// A YAML double-quoted scalar: <c>\</c> and <c>"</c> escaped, and as <c>\uXXXX</c> every C0 control, U+007F to
    /// U+009F, U+FFFE, U+FFFF and every surrogate code unit (a pair as two escapes; a lone one as one, which YAML refuses).
    /// </summary>
    public static string Yaml(string text)
    {
        var yaml = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                yaml.Append('\\').Append(c);
            }
            else if (c is < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                yaml.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                yaml.Append(c);
            }
        }

        return yaml.Append('"').ToString();
    }

    public override string ToString() =>
        $"new TextArticle({(Markdown ? "true" : "false")}, {TextFeed.Literal(Title)}, {TextFeed.Literal(Summary)}, {TextFeed.Literal(Author)}, " +
        $"{(AuthorAsMapping ? "true" : "false")}, {TextFeed.Literal(Tags)}, {(TagsAsText ? "true" : "false")}, {TextFeed.Literal(Caption)}, {TextFeed.Literal(Credit)}, " +
        $"{TextFeed.Literal(Related)}, {TextFeed.Literal(ReadAlso)}, {TextFeed.Literal(Body)})";
}
