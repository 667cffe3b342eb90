using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndication.Feeds.Derived;

namespace Syndication.Articles;

/// <summary>Reads <c>feed.json</c>.</summary>
/// <remarks>
/// A malformed file, or one without <c>title</c> or an absolute http(s) <c>link</c>, is an error and the feed is
/// skipped. A missing <c>description</c>, <c>language</c> or <c>author</c> is a warning naming the default used.
/// An <c>icon</c> or <c>logo</c> (alias <c>image</c>) that is not an absolute http(s) URL is a warning, and the feed
/// is published without that image. A <c>derived</c> object whose switches are not <see langword="true"/> or
/// <see langword="false"/> is a warning, and the configuration decides for those switches. A <c>ttl</c> that is not
/// a whole number of minutes from 1 to <see cref="MaxTimeToLiveMinutes"/> is a warning, and the newsroom's default is used.
/// </remarks>
internal static partial class FeedDefinitionReader
{
    /// <summary>The language assumed when <c>feed.json</c> names none.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The longest <c>ttl</c> a feed may ask for, in minutes: a week.</summary>
    public const int MaxTimeToLiveMinutes = 7 * 24 * 60;

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whether a folder name can be a feed name: it becomes a blob prefix and a URL path segment.</summary>
    public static bool IsValidName(string name) => FeedName().IsMatch(name);

    /// <summary>Parses a <c>feed.json</c> named <paramref name="path"/> for the feed <paramref name="name"/>.</summary>
    /// <exception cref="SourceFormatException">The feed cannot be published.</exception>
    public static FeedDefinition Parse(string path, string name, ReadOnlySpan<byte> bytes, ICollection<SourceDiagnostic> diagnostics)
    {
        if (!IsValidName(name))
        {
            throw new SourceFormatException(path, null,
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
            throw new SourceFormatException(path, (int?)e.LineNumber + 1, $"malformed JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SourceFormatException(path, null, "the feed definition must be a JSON object");
        }

        var title = Text(root, "title", Warn) ?? throw new SourceFormatException(path, null, "'title' is missing");
        var linkText = Text(root, "link", Warn) ?? throw new SourceFormatException(path, null, "'link' (the site's URL) is missing");
        if (!WebUrl.TryParse(linkText, out var link))
        {
            throw new SourceFormatException(path, null, $"'link' must be an absolute http(s) URL, not '{WebUrl.Shown(linkText)}'");
        }

        var description = Text(root, "description", Warn);
        if (description is null)
        {
            Warn("'description' is missing; the title is used");
        }

        var language = Text(root, "language", Warn);
        if (language is null)
        {
            Warn($"'language' is missing; '{DefaultLanguage}' is used");
        }

        var author = Author(root);
        if (author is null)
        {
            Warn("'author' is missing; the feed's title is used as the author's name");
        }

        var pattern = Text(root, "articleLink", Warn);
        if (pattern is not null
            && (!pattern.Contains("{slug}", StringComparison.Ordinal) || !WebUrl.TryParse(pattern.Replace("{slug}", "x", StringComparison.Ordinal), out _)))
        {
            Warn($"'articleLink' must be an absolute http(s) URL containing {{slug}}; the default '<link>/{{slug}}/' is used");
            pattern = null;
        }

        var icon = Image(root, "icon");
        // "image" is what RSS calls the channel's picture; both names mean the wide logo, and "logo" wins.
        var logo = root.TryGetProperty("logo", out _) ? Image(root, "logo") : Image(root, "image");

        return new FeedDefinition
        {
            Name = name,
            Title = title,
            Description = description ?? title,
            Link = link,
            Language = language ?? DefaultLanguage,
            Author = author ?? new Person(title),
            ArticleLinkPattern = pattern,
            Icon = icon,
            Logo = logo,
            Derived = Derived(root),
            TimeToLive = TimeToLive(root),
        };

        void Warn(string message) => diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, null, message));

        Uri? Image(JsonElement element, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }

            var text = Text(element, property, Warn);
            if (WebUrl.TryParse(text, out var url))
            {
                return url;
            }

            Warn(value.ValueKind == JsonValueKind.String
                ? $"'{property}' must be an absolute http(s) URL; the feed is published without it: '{WebUrl.Shown(text)}'"
                : $"'{property}' must be an absolute http(s) URL; the feed is published without it");
            return null;
        }

        TimeSpan? TimeToLive(JsonElement element)
        {
            if (!element.TryGetProperty("ttl", out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var minutes) && minutes is >= 1 and <= MaxTimeToLiveMinutes)
            {
                return TimeSpan.FromMinutes(minutes);
            }

            Warn(string.Create(CultureInfo.InvariantCulture,
                $"'ttl' must be a whole number of minutes from 1 to {MaxTimeToLiveMinutes}, not {value.GetRawText()}; Syndication:TimeToLive is used"));
            return null;
        }

        DerivedFeedChoice Derived(JsonElement element)
        {
            if (!element.TryGetProperty("derived", out var value))
            {
                return DerivedFeedChoice.Unset;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Warn("'derived' must be an object such as { \"tags\": true, \"authors\": true, \"all\": true }; the configuration decides");
                return DerivedFeedChoice.Unset;
            }

            foreach (var property in value.EnumerateObject().Where(p => p.Name is not ("tags" or "authors" or "all")))
            {
                Warn($"'derived.{property.Name}' is not a derived feed ('tags', 'authors' or 'all'); ignored");
            }

            return new DerivedFeedChoice(Switch(value, "tags"), Switch(value, "authors"), Switch(value, "all"));
        }

        bool? Switch(JsonElement derived, string property)
        {
            if (!derived.TryGetProperty(property, out var value))
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Warn($"'derived.{property}' must be true or false; the configuration decides");
            return null;
        }

        Person? Author(JsonElement element)
        {
            if (!element.TryGetProperty("author", out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return Text(element, "author", Warn) is string authorName ? new Person(authorName) : null;
            }

            if (value.ValueKind != JsonValueKind.Object || Text(value, "name", Warn) is not string name)
            {
                return null;
            }

            var uriText = Text(value, "uri", Warn) ?? Text(value, "url", Warn);
            Uri? uri = null;
            if (uriText is not null && !WebUrl.TryParse(uriText, out uri))
            {
                Warn($"'author.uri' must be an absolute http(s) URL; removed as unsafe or unusable: '{WebUrl.Shown(uriText)}'");
                uri = null;
            }

            return new Person(name, uri, Text(value, "email", Warn));
        }
    }

    /// <summary>
    /// A string property as plain text: white space folded, and what XML cannot carry (escaped control characters,
    /// U+FFFE, lone surrogates such as <c>"\uD800"</c>) removed, with a warning through <paramref name="warn"/>.
    /// </summary>
    private static string? Text(JsonElement element, string property, Action<string>? warn)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string raw;
        try
        {
            raw = value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode an escaped lone surrogate; decoded by hand, it is removed below.
            raw = Unescape(value.GetRawText());
        }

        var text = PlainText.CollapseWhiteSpace(PlainText.RemoveInvalidXmlCharacters(raw, out var removed));
        if (removed > 0)
        {
            warn?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"'{property}': {removed} control or non-character code point(s) that XML cannot carry were removed"));
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>Decodes a JSON string literal (with its quotes) code unit by code unit, allowing what is not valid UTF-16.</summary>
    private static string Unescape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] != '\\' || i + 1 >= literal.Length - 1)
            {
                builder.Append(literal[i]);
                continue;
            }

            var escaped = literal[++i];
            if (escaped == 'u' && i + 4 < literal.Length
                && ushort.TryParse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
                continue;
            }

            builder.Append(escaped switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FeedName();
}
