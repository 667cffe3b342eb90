using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Publishing;

namespace Syndication.Tests.Fuzzing;

/// <summary>
/// Every input with which coverage-guided fuzzing (<c>scripts/fuzz.sh</c>) once broke the publisher, kept under
/// <c>tests/fuzz/regressions/</c>: read as a plain-text and as a Markdown article, and published beside another
/// article, each fails at most as an <see cref="SourceFormatException"/> naming the file, and every document is
/// well-formed.
/// </summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "fuzz", "regressions");

    private readonly TemporaryFeedsFolder _feeds = new(withSamples: false);
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-fuzz-").FullName;

    public static TheoryData<string> Findings() => [.. Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Findings_AreKept() => Assert.True(Findings().Count >= 8, $"{Findings().Count} findings in {Folder}");

    [Theory]
    [MemberData(nameof(Findings))]
    public void Parse_Finding_ReadsOrFailsAsAnArticleErrorNamingTheFile(string finding)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, finding));

        foreach (var path in new[] { "fuzz/input.md", "fuzz/input.txt" })
        {
            try
            {
                _ = new ArticleParser().Parse(path, bytes, new List<SourceDiagnostic>());
            }
            catch (SourceFormatException e)
            {
                Assert.Equal(path, e.File);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Publish_Finding_PublishesTheOtherArticleAndOnlyWellFormedDocuments(string finding)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, finding));
        _feeds.Write("fuzz/feed.json", """{ "title": "Fuzz", "description": "D", "link": "https://example.com/fuzz/", "language": "en", "author": "A" }""");
        _feeds.Write("fuzz/input.md", bytes);
        _feeds.Write("fuzz/input.txt", bytes);
        _feeds.Write("fuzz/neighbour.txt", "Shipping data trace munitions\n\nBody.\n");
        var options = new SyndicationOptions { FeedsPath = _feeds.Path, OutputPath = _output, PublicBaseUrl = new Uri("https://feeds.example.org/") };

        var report = await TestPublisher.Create(options, TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);

        Assert.All(report.Feeds, f => Assert.True(f.Succeeded, f.Error));
        Assert.All(report.Diagnostics, d => Assert.Null(d.Exception));
        Assert.All(report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.StartsWith(Path.Combine(_feeds.Path, "fuzz", "input."), d.File, StringComparison.Ordinal));
        Assert.Contains("Shipping data trace munitions", File.ReadAllText(Path.Combine(_output, "fuzz", "atom.xml")), StringComparison.Ordinal);
        foreach (var document in Directory.GetFiles(Path.Combine(_output, "fuzz"), "*", SearchOption.AllDirectories))
        {
            if (document.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(document));
            }
            else if (document.EndsWith(".xml", StringComparison.Ordinal))
            {
                using var reader = XmlReader.Create(document, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                while (reader.Read())
                {
                }
            }
        }
    }

    public void Dispose()
    {
        _feeds.Dispose();
        OutputFolder.Delete(_output);
    }
}
