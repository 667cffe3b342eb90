using System.Text.Json;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>Reads <c>feed.json</c>.</summary>
/// <remarks>
/// A malformed file, or one without <c>title</c> or an absolute http(s) <c>link</c>, is an error and the feed is
/// skipped. A missing <c>description</c>, <c>language</c> or <c>author</c> is a warning naming the default used.
/// </remarks>
public static partial class FeedDefinitionReader
{
    /// <summary>The language assumed when <c>feed.json</c> names none.</summary>
    public const string DefaultLanguage = "en";

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whether a folder name can be a feed name: it becomes a blob prefix and a URL path segment.</summary>
    public static bool IsValidName(string name) => FeedName().IsMatch(name);

    /// <summary>Reads the definition of the feed in <paramref name="folder"/>.</summary>
    /// <exception cref="ArticleFormatException">The feed cannot be published.</exception>
    public static FeedDefinition ReadFile(string folder, ICollection<SourceDiagnostic> diagnostics)
    {
        var path = Path.Combine(folder, FeedDefinition.FileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(path, null, $"the feed definition cannot be read: {e.Message}", e);
        }

        return Parse(path, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), bytes, diagnostics);
    }

    /// <summary>Parses a <c>feed.json</c> named <paramref name="path"/> for the feed <paramref name="name"/>.</summary>
    /// <exception cref="ArticleFormatException">The feed cannot be published.</exception>
    public static FeedDefinition Parse(string path, string name, ReadOnlySpan<byte> bytes, ICollection<SourceDiagnostic> diagnostics)
    {
        if (!IsValidName(name))
        {
            throw new ArticleFormatException(path, null,
                $"the feed folder name '{name}' must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(SourceText.Decode(path, bytes, diagnostics), JsonOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArticleFormatException(path, (int?)e.LineNumber + 1, $"malformed JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArticleFormatException(path, null, "the feed definition must be a JSON object");
        }

        var title = Text(root, "title") ?? throw new ArticleFormatException(path, null, "'title' is missing");
        var linkText = Text(root, "link") ?? throw new ArticleFormatException(path, null, "'link' (the site's URL) is missing");
        if (!WebUrl.TryParse(linkText, out var link))
        {
            throw new ArticleFormatException(path, null, $"'link' must be an absolute http(s) URL, not '{linkText}'");
        }

        var description = Text(root, "description");
        if (description is null)
        {
            Warn("'description' is missing; the title is used");
        }

        var language = Text(root, "language");
        if (language is null)
        {
            Warn($"'language' is missing; '{DefaultLanguage}' is used");
        }

        var author = Author(root);
        if (author is null)
        {
            Warn("'author' is missing; the feed's title is used as the author's name");
        }

        var pattern = Text(root, "articleLink");
        if (pattern is not null
            && (!pattern.Contains("{slug}", StringComparison.Ordinal) || !WebUrl.TryParse(pattern.Replace("{slug}", "x", StringComparison.Ordinal), out _)))
        {
            Warn($"'articleLink' must be an absolute http(s) URL containing {{slug}}; the default '<link>/{{slug}}/' is used");
            pattern = null;
        }

        return new FeedDefinition
        {
            Name = name,
            Title = title,
            Description = description ?? title,
            Link = link,
            Language = language ?? DefaultLanguage,
            Author = author ?? new Person(title),
            ArticleLinkPattern = pattern,
        };

        void Warn(string message) => diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, null, message));

        Person? Author(JsonElement element)
        {
            if (!element.TryGetProperty("author", out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return Text(element, "author") is string authorName ? new Person(authorName) : null;
            }

            if (value.ValueKind != JsonValueKind.Object || Text(value, "name") is not string name)
            {
                return null;
            }

            var uriText = Text(value, "uri") ?? Text(value, "url");
            Uri? uri = null;
            if (uriText is not null && !WebUrl.TryParse(uriText, out uri))
            {
                Warn($"'author.uri' must be an absolute http(s) URL; removed as unsafe or unusable: '{uriText}'");
                uri = null;
            }

            return new Person(name, uri, Text(value, "email"));
        }
    }

    private static string? Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = PlainText.CollapseWhiteSpace(value.GetString() ?? string.Empty);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedName();
}
