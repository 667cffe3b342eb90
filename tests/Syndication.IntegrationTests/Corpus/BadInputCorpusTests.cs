using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Publishing;

namespace Syndication.Tests.Corpus;

/// <summary>
/// Each case of the bad-input corpus, published beside the sample feeds: the problem is reported by file (and line),
/// the article is skipped or repaired as documented, everything else still publishes, and every document published
/// is valid and safe.
/// </summary>
public sealed partial class BadInputCorpusTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private const string SeedTitle = "1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated";

    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-corpus-").FullName;

    public static TheoryData<BadInputCase> Cases() => [.. BadInputCorpus.Cases];

    [Fact]
    public void Corpus_HasAtLeastFortyCases() => Assert.True(BadInputCorpus.Cases.Count >= 40, $"{BadInputCorpus.Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Publish_BadInput_IsReportedContainedAndNeverBreaksAFeed(BadInputCase input)
    {
        var path = _feeds.Write(input.Path, input.Content);
        if (input.Path.EndsWith("feed.json", StringComparison.Ordinal))
        {
            _feeds.Write(Path.Combine(Path.GetDirectoryName(input.Path)!, "one.txt"), "One\n\nBody.\n");
        }

        var report = await PublishAsync();

        // The problem names the file (or its folder), and the line where it applies.
        var about = report.Diagnostics.Where(d => d.File == path || d.File == Path.GetDirectoryName(path)).ToList();
        switch (input.Outcome)
        {
            case Outcome.Published:
                Assert.Empty(about);
                break;
            case Outcome.Repaired:
                var warnings = about.Where(d => d.Message.Contains(input.Message!, StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(warnings);
                Assert.All(about, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
                if (input.Line is int line)
                {
                    Assert.Contains(line, warnings.Select(w => w.Line));
                }

                break;
            case Outcome.Skipped:
                var error = Assert.Single(about, d => d.Severity == DiagnosticSeverity.Error);
                Assert.Contains(input.Message!, error.Message, StringComparison.Ordinal);
                if (input.Line is int errorLine)
                {
                    Assert.Equal(errorLine, error.Line);
                }

                break;
        }

        // Every other article still publishes.
        Assert.All(report.Feeds, f => Assert.True(f.Succeeded, f.Error));
        var world = Titles("world/atom.xml");
        Assert.Contains(SeedTitle, world);
        Assert.Contains("Follow our reporting in your feed reader", Titles("newsroom/atom.xml"));
        if (input.Title is not null)
        {
            Assert.Equal(input.Outcome != Outcome.Skipped, world.Contains(input.Title));
        }

        AssertEveryDocumentValidAndSafe();
    }

    public void Dispose()
    {
        _feeds.Dispose();
        OutputFolder.Delete(_output);
    }

    private async Task<PublishReport> PublishAsync()
    {
        var options = new SyndicationOptions
        {
            FeedsPath = _feeds.Path,
            OutputPath = _output,
            PublicBaseUrl = new Uri("https://feeds.example.org/"),
            Articles = { MaxFileBytes = 4 * 1024 * 1024 },
        };
        return await TestPublisher.Create(options, TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);
    }

    private List<string> Titles(string document) =>
        [.. XDocument.Load(Path.Combine(_output, document)).Root!.Elements(Atom + "entry").Select(e => Decode(e.Element(Atom + "title")!))];

    private static string Decode(XElement text) =>
        (string?)text.Attribute("type") == "html" ? System.Net.WebUtility.HtmlDecode(text.Value) : text.Value;

    private void AssertEveryDocumentValidAndSafe()
    {
        var files = Directory.GetFiles(_output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".syndication/", StringComparison.Ordinal))
            .ToList();
        foreach (var name in files)
        {
            // Nothing escapes a feed's prefix: every document is at the root, in a feed folder that exists in the source,
            // or in a derived feed's folder named by a slug.
            Assert.Matches(LayoutPattern(), name);
            var text = File.ReadAllText(Path.Combine(_output, name));
            var html = new List<string>();
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(text);
                html.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("content_html").GetString()!));
            }
            else if (name.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
                var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(text);
                Assert.Empty(page.Head!.QuerySelectorAll("script"));
                AssertSafe(page.Body!);
            }
            else
            {
                var xml = XDocument.Parse(text);
                if (!name.EndsWith(".opml", StringComparison.Ordinal))
                {
                    using var reader = XmlReader.Create(new StringReader(text));
                    _ = SyndicationFeed.Load(reader);
                    html.AddRange(xml.Descendants(Atom + "content").Concat(xml.Descendants(Content + "encoded")).Concat(xml.Descendants("description")).Select(e => e.Value));
                }
            }

            Assert.All(html, AssertSafeHtml);
        }
    }

    /// <summary>Parsed as a browser would: no active element, no event handler, no script or data URL survives.</summary>
    private static void AssertSafeHtml(string fragment) =>
        AssertSafe(new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{fragment}</body>").Body!);

    private static void AssertSafe(AngleSharp.Dom.IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, (string[])["script", "iframe", "style", "object", "embed", "form"]);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                Assert.DoesNotMatch(UnsafeUrl(), attribute.Value);
            }
        }
    }

    [GeneratedRegex(@"^(index\.html|feeds\.opml|json-feed-extension\.html|([a-z0-9][a-z0-9._-]*|(tags|authors)/[a-z0-9-]+)/(rss\.xml|atom\.xml|feed\.json|index\.html|archive/\d+\.(xml|rss\.xml|json)))$")]
    private static partial Regex LayoutPattern();

    [GeneratedRegex(@"^\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeUrl();

}
