using System.Text.Encodings.Web;
using System.Text.Json;
using Syndication.Articles;

namespace Syndication.Publishing;

/// <summary>What <c>syndication validate</c> found: every problem, by file and line.</summary>
/// <param name="FeedsPath">The feeds folder that was read.</param>
/// <param name="Feeds">How many feeds could be read.</param>
/// <param name="Articles">How many articles could be read.</param>
/// <param name="Diagnostics">The problems, ordered by file and line.</param>
public sealed record ValidationReport(string FeedsPath, int Feeds, int Articles, IReadOnlyList<SourceDiagnostic> Diagnostics)
{
    /// <summary>The articles dated in the future, first due first: information, not problems.</summary>
    public IReadOnlyList<HeldArticle> Held { get; init; } = [];

    /// <summary>How many errors.</summary>
    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>How many warnings.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The report as JSON, for CI tools.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("feedsPath", FeedsPath);
            json.WriteNumber("feeds", Feeds);
            json.WriteNumber("articles", Articles);
            json.WriteNumber("errors", Errors);
            json.WriteNumber("warnings", Warnings);
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                json.WriteString("file", diagnostic.File);
                if (diagnostic.Line is int line)
                {
                    json.WriteNumber("line", line);
                }
                else
                {
                    json.WriteNull("line");
                }

                json.WriteString("message", diagnostic.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("held");
            foreach (var held in Held)
            {
                json.WriteStartObject();
                json.WriteString("file", held.File);
                json.WriteString("until", held.Until);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
