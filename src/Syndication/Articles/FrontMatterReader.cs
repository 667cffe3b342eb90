using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Syndication.Articles;

/// <summary>Reads the YAML between the <c>---</c> lines at the top of an article into a <see cref="FrontMatter"/>.</summary>
/// <remarks>
/// Malformed YAML is an error (the article is skipped). A field of the wrong shape or an unsafe URL is a warning:
/// the field is ignored and the article publishes with the default, which the message names.
/// </remarks>
internal sealed class FrontMatterReader(string file, int firstLine, ICollection<SourceDiagnostic> diagnostics)
{
    /// <summary>The longest front matter read, in characters: a few hundred are typical.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>How deep lists and mappings may nest: the known keys need two levels.</summary>
    public const int MaxDepth = 16;

    /// <summary>How many aliases (<c>*name</c>) one front matter may use.</summary>
    public const int MaxAliases = 64;

    private static readonly DateTimeOffset EarliestDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] KnownKeys =
        ["title", "id", "link", "published", "updated", "date", "author", "tags", "image", "summary", "related", "draft"];

    /// <summary>
    /// A mapping's values by key, the last one winning. Keys that are not plain text (a list, a mapping, an empty
    /// node) are all <c>""</c>, and YAML keeps two keys that differ only by a tag or an anchor (<c>!a : 1, &amp;b : 2</c>)
    /// apart, so a mapping may hold the same text twice: found by fuzzing, it threw where a dictionary was made of it.
    /// </summary>
    private static Dictionary<string, YamlNode> Fields(YamlMappingNode mapping)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            fields[KeyOf(key)] = value;
        }

        return fields;
    }

    private static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? string.Empty;

    public FrontMatter Read(string yaml)
    {
        // YamlDotNet ends lines at LS and PS (and NEL, removed when the file was decoded) as YAML 1.1 did, so a title
        // holding one was refused as wrongly indented. In YAML 1.2, and in the lines of the article, they are characters:
        // read as the no-break space that is, like them, text to YAML and white space to the fields (which fold it into one space).
        yaml = yaml.Replace('\u2028', '\u00A0').Replace('\u2029', '\u00A0');
        var stream = new YamlStream();
        try
        {
            if (yaml.Length > MaxLength)
            {
                throw new SourceFormatException(file, firstLine,
                    string.Create(CultureInfo.InvariantCulture, $"the front matter has {yaml.Length} characters, more than the limit of {MaxLength}"));
            }

            stream.Load(new BoundedParser(new Parser(new StringReader(yaml)), (mark, problem) => new SourceFormatException(file, LineOf(mark), problem)));
        }
        catch (YamlException e)
        {
            throw new SourceFormatException(file, LineOf(e.Start), $"malformed front matter: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException
                                      && e is not SourceFormatException)
        {
            // YamlDotNet also fails this way on some malformed input (": [t" and a line after it, found by fuzzing),
            // with a message that names no place: the file and the likely causes are what the editor needs.
            throw new SourceFormatException(file, firstLine,
                $"malformed front matter: the YAML parser gave up ({e.GetType().Name}: {e.Message}); check for unclosed brackets or quotes and for keys without a value", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return FrontMatter.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SourceFormatException(file, LineOf(stream.Documents[0].RootNode.Start),
                "malformed front matter: expected 'key: value' lines");
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = KeyOf(keyNode);
            if (Array.IndexOf(KnownKeys, key) < 0)
            {
                Warn(keyNode, $"unknown front matter key '{key}' is ignored (known keys: {string.Join(", ", KnownKeys)})");
                continue;
            }

            fields[key] = value;
        }

        return new FrontMatter
        {
            Title = Text(fields, "title"),
            Id = AbsoluteUri(fields, "id"),
            Link = WebLink(fields, "link"),
            Published = Date(fields, "published") ?? Date(fields, "date"),
            Updated = Date(fields, "updated"),
            Author = Author(fields),
            Tags = Tags(fields),
            Image = Image(fields),
            Summary = Text(fields, "summary"),
            Related = Related(fields),
            Draft = Draft(fields),
        };
    }

    /// <summary>
    /// The parser's events, refused as they come when lists and mappings nest too deeply, aliases are too many, or an
    /// alias names an anchor that is not finished before it: the loader recurses once per level, so deep nesting would
    /// overflow the stack, which no handler can catch; and a list or mapping holding an alias to itself (directly, or
    /// through an alias to an anchor further on) is a cycle, which the loader's hashing and comparing of keys followed
    /// until the stack overflowed (found by fuzzing: 30 bytes of front matter ended the process).
    /// </summary>
    /// <remarks>
    /// The parser itself reads events one at a time without recursion, so counting them is safe. YAML only lets an
    /// alias name an anchor written before it; with the anchor's node also finished, every alias points back to a
    /// node that cannot hold it, so the loaded nodes hold no cycle.
    /// </remarks>
    private sealed class BoundedParser(IParser parser, Func<Mark, string, Exception> refuse) : IParser
    {
        private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
        private readonly Stack<string?> _open = new(); // the anchor of each list and mapping open, innermost on top
        private int _aliases;

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            if (!parser.MoveNext())
            {
                return false;
            }

            switch (parser.Current)
            {
                case NodeEvent node and (SequenceStart or MappingStart):
                    Open(node, node.Anchor.IsEmpty ? null : node.Anchor.Value);
                    break;
                case SequenceEnd or MappingEnd:
                    if (_open.Pop() is { } anchor)
                    {
                        _finished.Add(anchor);
                    }

                    break;
                case Scalar { Anchor.IsEmpty: false } scalar:
                    _finished.Add(scalar.Anchor.Value);
                    break;
                case AnchorAlias when ++_aliases > MaxAliases:
                    throw refuse(parser.Current.Start,
                        string.Create(CultureInfo.InvariantCulture, $"malformed front matter: more than {MaxAliases} aliases"));
                case AnchorAlias alias when !_finished.Contains(alias.Value.Value):
                    throw refuse(parser.Current.Start, _open.Contains(alias.Value.Value)
                        ? $"malformed front matter: the alias '*{alias.Value.Value}' is inside the list or mapping it names"
                        : $"malformed front matter: the alias '*{alias.Value.Value}' names no anchor ('&{alias.Value.Value}') before it");
            }

            return true;
        }

        private void Open(ParsingEvent start, string? anchor)
        {
            if (anchor is not null)
            {
                _finished.Remove(anchor); // an anchor written again names the new node from here on
            }

            _open.Push(anchor);
            if (_open.Count > MaxDepth)
            {
                throw refuse(start.Start,
                    string.Create(CultureInfo.InvariantCulture, $"malformed front matter: lists and mappings nested more than {MaxDepth} levels deep"));
            }
        }
    }

    private string? Text(Dictionary<string, YamlNode> fields, string key) =>
        fields.TryGetValue(key, out var node) ? Text(node, key) : null;

    private string? Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            // Quoted YAML can spell control characters ("\x01"), which XML cannot carry.
            var text = PlainText.CollapseWhiteSpace(PlainText.RemoveInvalidXmlCharacters(scalar.Value ?? string.Empty, out var removed));
            if (removed > 0)
            {
                Warn(node, $"front matter '{key}': {removed} control or non-character code point(s) that XML cannot carry were removed");
            }

            return text.Length == 0 ? null : text;
        }

        Warn(node, $"front matter '{key}' must be text; ignored");
        return null;
    }

    private Uri? AbsoluteUri(Dictionary<string, YamlNode> fields, string key)
    {
        var text = Text(fields, key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        Warn(fields[key], $"front matter '{key}' must be an absolute URI (such as tag:example.com,2024:world/1); the generated id is used");
        return null;
    }

    private Uri? WebLink(Dictionary<string, YamlNode> fields, string key)
    {
        var text = Text(fields, key);
        if (text is null)
        {
            return null;
        }

        if (WebUrl.TryParse(text, out var url))
        {
            return url;
        }

        Warn(fields[key], $"front matter '{key}' must be an absolute http(s) URL; removed as unsafe or unusable: '{WebUrl.Shown(text)}'");
        return null;
    }

    private DateTimeOffset? Date(Dictionary<string, YamlNode> fields, string key)
    {
        var text = Text(fields, key);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            // Years like 0001 or 9999 are typing slips; they also break date arithmetic and draw validator warnings.
            if (date.UtcTicks >= EarliestDate.UtcTicks && date.UtcTicks <= LatestDate.UtcTicks)
            {
                return date;
            }

            Warn(fields[key], $"front matter '{key}' {text} is not a plausible date (1970 to 2199); ignored");
            return null;
        }

        Warn(fields[key], $"front matter '{key}' is not a date (use ISO 8601, such as 2024-06-20T09:30:00+02:00); ignored");
        return null;
    }

    /// <summary>Whether the article is a draft: only <c>true</c> or <c>false</c>, as Hugo and Jekyll spell it, say so.</summary>
    private bool Draft(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("draft", out var node))
        {
            return false;
        }

        // A plain scalar only: a quoted "true" is text, and a list or mapping is no answer.
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" or "false" or "False" or "FALSE" } scalar)
        {
            return scalar.Value is "true" or "True" or "TRUE";
        }

        Warn(node, "front matter 'draft' must be true or false; ignored, so the article is published");
        return false;
    }

    private Person? Author(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("author", out var node))
        {
            return null;
        }

        if (node is YamlScalarNode)
        {
            return Text(node, "author") is string name ? new Person(name) : null;
        }

        if (node is YamlMappingNode mapping)
        {
            var values = Fields(mapping);
            var name = Text(values, "name");
            if (name is null)
            {
                Warn(node, "front matter 'author' needs a 'name'; the feed's author is used");
                return null;
            }

            return new Person(name, WebLink(values, "uri") ?? WebLink(values, "url"), Text(values, "email"));
        }

        Warn(node, "front matter 'author' must be a name or a mapping with 'name'; the feed's author is used");
        return null;
    }

    private List<string> Tags(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("tags", out var node))
        {
            return [];
        }

        IEnumerable<string?> raw = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(child => Text(child, "tags")),
            // Cleaned as a whole like any text, before the white space is folded: removed, not turned into a space.
            YamlScalarNode => (Text(node, "tags") ?? string.Empty).Split(','),
            _ => [],
        };
        if (node is YamlMappingNode)
        {
            Warn(node, "front matter 'tags' must be a list or comma-separated text; ignored");
        }

        var tags = new List<string>();
        foreach (var tag in raw)
        {
            var clean = PlainText.CollapseWhiteSpace(tag ?? string.Empty);
            if (clean.Length > 0 && !tags.Contains(clean, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(clean);
            }
        }

        return tags;
    }

    private LeadImage? Image(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("image", out var node))
        {
            return null;
        }

        Dictionary<string, YamlNode> values;
        if (node is YamlScalarNode scalar)
        {
            values = new(StringComparer.Ordinal) { ["url"] = scalar };
        }
        else if (node is YamlMappingNode mapping)
        {
            values = Fields(mapping);
        }
        else
        {
            Warn(node, "front matter 'image' must be a URL or a mapping with 'url', 'caption', 'credit'; ignored");
            return null;
        }

        var url = WebLink(values, "url");
        var caption = Text(values, "caption");
        var credit = Text(values, "credit");
        if (url is null && caption is null && credit is null)
        {
            return null;
        }

        return new LeadImage(url, caption, credit, Text(values, "type") ?? MediaTypes.FromImageUrl(url));
    }

    private List<RelatedReference> Related(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("related", out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Warn(node, "front matter 'related' must be a list of titles or of 'title'/'url' mappings; ignored");
            return [];
        }

        var related = new List<RelatedReference>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode && Text(child, "related") is string title)
            {
                related.Add(new RelatedReference(title, null, LineOf(child.Start)));
            }
            else if (child is YamlMappingNode mapping)
            {
                var values = Fields(mapping);
                var url = WebLink(values, "url");
                var linkTitle = Text(values, "title");
                if (linkTitle is null)
                {
                    Warn(child, "a 'related' entry needs a 'title'; ignored");
                    continue;
                }

                related.Add(new RelatedReference(linkTitle, url, LineOf(child.Start)));
            }
        }

        return related;
    }

    private void Warn(YamlNode node, string message) =>
        diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, file, LineOf(node.Start), message));

    private int LineOf(Mark mark) => firstLine + (int)mark.Line - 1;
}
