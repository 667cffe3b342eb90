using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Syndication.Articles;

/// <summary>Reads article files (<c>.txt</c> plain text, <c>.md</c> Markdown, both with optional YAML front matter).</summary>
/// <remarks>
/// <para>The plain-text format: the first line is the title; a first paragraph ending in <c>Photo: credit</c> is the
/// lead picture's caption and credit; blank lines separate paragraphs; a line starting <c>Read also:</c>,
/// <c>Read more:</c> or <c>See also:</c> (any case) names a related article and is removed from the body.</para>
/// <para>Markdown follows the same rules, except that the title may also come from a leading <c># heading</c>.</para>
/// </remarks>
internal sealed partial class ArticleParser(ArticleParserOptions options)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseFootnotes()
        .Build();

    /// <summary>The most characters a title keeps; a longer one is cut, with a warning.</summary>
    public const int MaxTitleLength = 10_000;

    /// <summary>Creates a parser with the default limits.</summary>
    public ArticleParser()
        : this(new ArticleParserOptions())
    {
    }

    /// <summary>The limits this parser applies.</summary>
    public ArticleParserOptions Options => options;

    /// <summary>The format of a file, from its extension, or <see langword="null"/> when the file is not an article.</summary>
    public static ArticleFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => ArticleFormat.PlainText,
        ".md" or ".markdown" => ArticleFormat.Markdown,
        _ => null,
    };

    /// <summary>The <see cref="Article.ContentHash"/> of a file with <paramref name="bytes"/>: SHA-256, lowercase hexadecimal.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Parses an article from the bytes of a file named <paramref name="path"/>.</summary>
    /// <exception cref="SourceFormatException">The article cannot be published; the message names the file and the problem.</exception>
    public Article Parse(string path, ReadOnlySpan<byte> bytes, ICollection<SourceDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var format = FormatOf(path) ?? throw new SourceFormatException(path, null, "not an article: the extension must be .txt or .md");
        var text = SourceText.Decode(path, bytes, diagnostics);
        var lines = text.Split('\n');

        var frontMatter = FrontMatter.Empty;
        var bodyStart = 0;
        if (lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
            if (end < 0)
            {
                throw new SourceFormatException(path, 1, "the front matter that starts here has no closing '---' line");
            }

            var yaml = string.Join('\n', lines, 1, end - 1);
            frontMatter = new FrontMatterReader(path, 2, diagnostics).Read(yaml);
            bodyStart = end + 1;
        }

        var body = new SourceLines(lines, bodyStart);
        var title = frontMatter.Title ?? Markdig(path, () => body.TakeTitle(path, format == ArticleFormat.Markdown))
            ?? throw new SourceFormatException(path, null, "the article has no title (its first line, or front matter 'title')");

        if (title.Length > MaxTitleLength)
        {
            // A title is written into every document that names the article, and weighed for related articles.
            diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, null,
                $"the title has {title.Length} characters; it is cut to {MaxTitleLength}"));
            title = PlainText.Shorten(title, MaxTitleLength);
        }

        var related = new List<RelatedReference>(frontMatter.Related);
        body.RemoveRelatedLines(path, related, diagnostics, format == ArticleFormat.Markdown);
        if (related.Count > options.MaxRelated)
        {
            diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, related[options.MaxRelated].Line,
                $"{related.Count} related links; only the first {options.MaxRelated} are kept (Syndication:Articles:MaxRelated)"));
            related.RemoveRange(options.MaxRelated, related.Count - options.MaxRelated);
        }
        var image = frontMatter.Image;
        if (body.TakePhotoCaption() is var (caption, credit))
        {
            // The front matter's own caption and credit win over the ones in the text.
            image = new LeadImage(image?.Url, image?.Caption ?? caption, image?.Credit ?? credit, image?.MediaType);
        }

        var (html, firstParagraph) = format == ArticleFormat.Markdown
            ? RenderMarkdown(path, body)
            : RenderPlainText(body.Paragraphs());

        if (firstParagraph.Length == 0)
        {
            diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, null, "the article has no body text; the title is used as its summary"));
        }

        // Character references in Markdown and HTML, and escapes in YAML, can spell what XML cannot carry: whatever
        // the route, it is removed here, where the text enters the model.
        return new Article
        {
            SourcePath = path,
            FileName = Path.GetFileName(path),
            Format = format,
            Title = Clean(title),
            Id = frontMatter.Id,
            Link = frontMatter.Link,
            Published = frontMatter.Published,
            Updated = frontMatter.Updated,
            Author = frontMatter.Author is { } author ? author with { Name = Clean(author.Name), Email = Clean(author.Email) } : null,
            Tags = [.. frontMatter.Tags.Select(t => Clean(t))],
            Image = image is null ? null : image with { Caption = Clean(image.Caption), Credit = Clean(image.Credit), MediaType = Clean(image.MediaType) },
            Summary = Clean(PlainText.Shorten(frontMatter.Summary ?? (firstParagraph.Length > 0 ? firstParagraph : title), options.SummaryLength)),
            BodyHtml = Clean(html),
            Related = [.. related.Select(r => r with { Title = Clean(r.Title) })],
            ContentHash = HashOf(bytes),
            Draft = frontMatter.Draft,
        };

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
        static string? Clean(string? text) => text is null ? null : PlainText.RemoveInvalidXmlCharacters(text, out _);
    }

    private static (string Html, string FirstParagraph) RenderPlainText(IReadOnlyList<string> paragraphs)
    {
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(PlainText.HtmlEncode(paragraph)).Append("</p>\n");
        }

        return (html.ToString(), paragraphs.Count > 0 ? PlainText.CollapseWhiteSpace(paragraphs[0]) : string.Empty);
    }

    private static (string Html, string FirstParagraph) RenderMarkdown(string path, SourceLines body)
    {
        if (body.NestedTooDeep() is { } deep)
        {
            throw MarkdownNesting.TooDeepError(path, deep);
        }

        var markdown = body.Text();
        if (MarkdownWork.TooMuch(markdown) is { } tooMuch)
        {
            throw new SourceFormatException(path, null, $"the Markdown is not rendered: {tooMuch}");
        }

        var (html, firstParagraph) = Markdig(path, () => Render(markdown));
        var (elements, depth) = HtmlShape.Measure(html);
        if (elements > HtmlShape.MaxElements)
        {
            throw new SourceFormatException(path, null,
                $"the article makes {elements} HTML elements, more than the {HtmlShape.MaxElements} HTML elements an article may have (the sanitiser's time grows faster than that); split it");
        }

        if (depth > HtmlShape.MaxDepth)
        {
            throw new SourceFormatException(path, null, $"the article's HTML elements are nested {depth} levels deep, more than {HtmlShape.MaxDepth}");
        }

        return (html, firstParagraph);
    }

    private static (string Html, string FirstParagraph) Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var html = document.ToHtml(Pipeline);
        var first = document.Descendants<ParagraphBlock>().FirstOrDefault();
        var firstParagraph = first is null
            ? PlainText.FromHtml(html) // a body of raw HTML blocks only: its text
            : PlainText.CollapseWhiteSpace(PlainTextOf(first));
        return (html, firstParagraph);
    }

    /// <summary>
    /// The text of a paragraph of a parsed document, as <see cref="Markdown.ToPlainText(string, MarkdownPipeline?, MarkdownParserContext?)"/> gives it.
    /// </summary>
    /// <remarks>
    /// Rendered from the document rather than parsing the paragraph's source again: that parse took as long as the
    /// whole article's on a large first paragraph, and, alone, it did not know the document's reference links
    /// (<c>[text][ref]</c> stayed in brackets) or footnotes.
    /// </remarks>
    private static string PlainTextOf(ParagraphBlock paragraph)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(paragraph);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// The text of <paramref name="line"/> (trimmed) when it is a level-1 ATX heading (<c># text</c>, with or without a
    /// closing run of <c>#</c>), else <see langword="null"/>. In one pass: the regular expression it replaces took 1.8 s
    /// on a 4 MiB heading.
    /// </summary>
    internal static string? HeadingText(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 2 || line[0] != '#' || !char.IsWhiteSpace(line[1]))
        {
            return null;
        }

        var start = SkipWhiteSpace(line, 1);
        var end = TrimWhiteSpaceEnd(line, start, line.Length);

        // A closing run of '#' needs white space before it, inside the text.
        var hashes = end;
        while (hashes > start && line[hashes - 1] == '#')
        {
            hashes--;
        }

        if (hashes < end && hashes - 1 >= start && char.IsWhiteSpace(line[hashes - 1]))
        {
            end = TrimWhiteSpaceEnd(line, start, hashes);
        }

        return line[start..end];
    }

    /// <summary>
    /// The text after a related-article label on <paramref name="line"/> (<c>Read also:</c>, <c>Read more:</c> or
    /// <c>See also:</c>, in any case, each part perhaps inside up to three <c>*</c> or <c>_</c>), trimmed; or
    /// <see langword="null"/> when the line has no label or nothing after it. <paramref name="line"/> has no line feed.
    /// </summary>
    /// <remarks>
    /// In one pass. The linear-time regular expression it replaces tracked its capture through every character and
    /// took 0.74 s on 150,000 such lines (the hostile-input bench); a test keeps that expression as the oracle.
    /// </remarks>
    internal static string? RelatedLineRest(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var i = Emphasis(line, SkipWhiteSpace(line, 0));
        var label = Word(line, ref i, "read")
            ? Space(line, ref i) && (Word(line, ref i, "also") || Word(line, ref i, "more"))
            : Word(line, ref i, "see") && Space(line, ref i) && Word(line, ref i, "also");
        i = SkipWhiteSpace(line, i);
        if (!label || i == line.Length || line[i] != ':')
        {
            return null;
        }

        var marks = SkipWhiteSpace(line, i + 1);
        var afterMarks = Emphasis(line, marks);
        var start = SkipWhiteSpace(line, afterMarks);
        var end = TrimWhiteSpaceEnd(line, start, line.Length);

        // Nothing after the closing marks: the last of them is the text (as the expression, backtracking, takes it).
        return start < end ? line[start..end] : afterMarks > marks ? line[(afterMarks - 1)..afterMarks] : null;

        static int Emphasis(string line, int i)
        {
            var end = Math.Min(i + 3, line.Length);
            while (i < end && line[i] is '*' or '_')
            {
                i++;
            }

            return i;
        }

        static bool Space(string line, ref int i)
        {
            var next = SkipWhiteSpace(line, i);
            (i, var found) = (next, next > i);
            return found;
        }

        // ASCII letters only match their other case: the expression's case-insensitive rule (RegexOptions.CultureInvariant) adds no others for these.
        static bool Word(string line, ref int i, string word)
        {
            if (line.Length - i < word.Length)
            {
                return false;
            }

            for (var k = 0; k < word.Length; k++)
            {
                if ((line[i + k] | 0x20) != word[k])
                {
                    return false;
                }
            }

            i += word.Length;
            return true;
        }
    }

    /// <summary>Where the white space of <paramref name="line"/> that starts at <paramref name="i"/> ends.</summary>
    private static int SkipWhiteSpace(string line, int i)
    {
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where <paramref name="line"/>'s text from <paramref name="start"/> to <paramref name="end"/> ends without its trailing white space.</summary>
    private static int TrimWhiteSpaceEnd(string line, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Whether <paramref name="line"/> opens or closes fenced code: <c>```</c> or <c>~~~</c> after at most three white-space characters.</summary>
    internal static bool IsCodeFence(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var i = 0;
        while (i < 3 && i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var rest = line.AsSpan(i);
        return rest.StartsWith("```", StringComparison.Ordinal) || rest.StartsWith("~~~", StringComparison.Ordinal);
    }

    /// <summary>Runs Markdig, which refuses input nested too deeply (such as hundreds of <c>&gt;</c>) with an <see cref="ArgumentException"/>.</summary>
    private static T Markdig<T>(string path, Func<T> render)
    {
        try
        {
            return render();
        }
        catch (ArgumentException e)
        {
            throw new SourceFormatException(path, null, $"the Markdown cannot be rendered: {e.Message}", e);
        }
    }

    /// <summary>The body's lines, consumed front to back as the title, related lines and caption are taken out.</summary>
    private sealed partial class SourceLines(string[] lines, int start)
    {
        private readonly List<(int Number, string Text)> _lines = Numbered(lines, start);

        private static List<(int Number, string Text)> Numbered(string[] lines, int start)
        {
            var numbered = new List<(int Number, string Text)>(lines.Length - start);
            for (var i = start; i < lines.Length; i++)
            {
                numbered.Add((i + 1, lines[i]));
            }

            return numbered;
        }

        public string? TakeTitle(string path, bool markdown)
        {
            var index = _lines.FindIndex(line => !string.IsNullOrWhiteSpace(line.Text));
            if (index < 0)
            {
                return null;
            }

            var text = _lines[index].Text.Trim();
            if (markdown)
            {
                // Titles are plain text: emphasis, links and inline HTML of a Markdown heading are reduced to their text.
                var heading = HeadingText(text) ?? text;
                if (MarkdownNesting.TooDeep([heading]) is not null)
                {
                    throw MarkdownNesting.TooDeepError(path, _lines[index].Number);
                }

                text = Markdown.ToPlainText(heading, Pipeline);
            }

            _lines.RemoveRange(0, index + 1);
            var title = PlainText.CollapseWhiteSpace(text);
            return title.Length == 0 ? null : title;
        }

        public void RemoveRelatedLines(string path, List<RelatedReference> related, ICollection<SourceDiagnostic> diagnostics, bool markdown)
        {
            var inFence = false;
            for (var i = 0; i < _lines.Count; i++)
            {
                var (number, text) = _lines[i];
                if (markdown && IsCodeFence(text))
                {
                    inFence = !inFence;
                }

                if (inFence || RelatedLineRest(text) is not { } rest)
                {
                    continue;
                }

                related.AddRange(ParseRelated(path, number, rest, diagnostics));
                _lines[i] = (number, string.Empty); // a paragraph break, so the lines around it do not run together
            }
        }

        public (string? Caption, string Credit)? TakePhotoCaption()
        {
            var first = _lines.FindIndex(line => !string.IsNullOrWhiteSpace(line.Text));
            if (first < 0)
            {
                return null;
            }

            var end = _lines.FindIndex(first, line => string.IsNullOrWhiteSpace(line.Text));
            var count = (end < 0 ? _lines.Count : end) - first;
            var paragraph = PlainText.CollapseWhiteSpace(string.Join(' ', _lines.GetRange(first, count).Select(l => l.Text)));
            if (PhotoCaption().Match(paragraph) is not { Success: true } match)
            {
                return null;
            }

            _lines.RemoveRange(first, count);
            var caption = match.Groups["caption"].Value.Trim();
            return (caption.Length == 0 ? null : caption, match.Groups["credit"].Value.Trim());
        }

        public string Text() => string.Join('\n', _lines.Select(l => l.Text));

        /// <summary>The number of the first line that nests quotes and lists too deeply (<see cref="MarkdownNesting"/>), or <see langword="null"/>.</summary>
        public int? NestedTooDeep() => MarkdownNesting.TooDeep(_lines.ConvertAll(l => l.Text)) is { } index ? _lines[index].Number : null;

        public List<string> Paragraphs()
        {
            var paragraphs = new List<string>();
            var current = new List<string>();
            foreach (var (_, text) in _lines.Append((0, string.Empty)))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    current.Add(text.Trim());
                }
                else if (current.Count > 0)
                {
                    paragraphs.Add(string.Join('\n', current));
                    current.Clear();
                }
            }

            return paragraphs;
        }

        private static IEnumerable<RelatedReference> ParseRelated(string path, int line, string rest, ICollection<SourceDiagnostic> diagnostics)
        {
            var links = MarkdownLink().Matches(rest);
            if (links.Count > 0)
            {
                return links.Select(link => Reference(link.Groups["title"].Value, link.Groups["url"].Value));
            }

            if (AngleUrl().Match(rest) is { Success: true } angle)
            {
                return [Reference(angle.Groups["title"].Value, angle.Groups["url"].Value)];
            }

            return [Reference(rest, null)];

            RelatedReference Reference(string title, string? url)
            {
                var clean = PlainText.CollapseWhiteSpace(title.Trim().Trim('*', '_'));
                Uri? parsed = null;
                if (url is not null && !WebUrl.TryParse(url, out parsed))
                {
                    diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, path, line,
                        $"the related link's URL must be absolute http(s); removed as unsafe or unusable: '{WebUrl.Shown(url)}'"));
                    parsed = null;
                }

                return new RelatedReference(clean, parsed, line);
            }
        }

        // Linear-time matching for every pattern with a lazy or repeated part: with backtracking, a line of tens of
        // thousands of spaces (found by fuzzing) took seconds to match, and twice the spaces four times as long.
        [GeneratedRegex(@"\[(?<title>[^\]]+)\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
        private static partial Regex MarkdownLink();

        [GeneratedRegex(@"^(?<title>.*?)\s*<(?<url>[^>\s]+)>\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
        private static partial Regex AngleUrl();

        [GeneratedRegex(@"^(?<caption>.*?)\s*\bPhoto\s*:\s*(?<credit>\S.{0,199}?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.Singleline)]
        private static partial Regex PhotoCaption();
    }
}
