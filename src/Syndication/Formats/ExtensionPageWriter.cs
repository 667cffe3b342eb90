using System.Text;

namespace Syndication.Formats;

/// <summary>
/// Writes <c>json-feed-extension.html</c>, the page at the container's root that documents the JSON Feed extension
/// object <c>_syndication</c>: the default <c>about</c> URL of that object, which the JSON Feed specification asks of
/// extensions.
/// </summary>
/// <remarks>
/// It says what <c>docs/json-feed-extension.md</c> says. Its bytes depend on nothing but the code, so every worker
/// writes the same page and a run rewrites it only after an upgrade.
/// </remarks>
internal static class ExtensionPageWriter
{
    /// <summary>The name of the page, beside the list of all feeds.</summary>
    public const string FileName = "json-feed-extension.html";

    private const string Title = "The _syndication JSON Feed extension";

    // The shared style has nothing for tables, which only this page has.
    private const string TableStyle = """
        table { border-collapse: collapse; width: 100%; margin: 0 0 1.25rem; font-size: .92rem; }
        th, td { border: 1px solid #8884; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        pre { overflow-x: auto; font-size: .85rem; }
        """;

    private const string Intro = """
        <header>
        <h1>The <code>_syndication</code> JSON Feed extension</h1>
        <p>These JSON Feed 1.1 documents carry what JSON Feed has no field for in one
        <a href="https://www.jsonfeed.org/version/1.1/#extensions">extension object</a> named <code>_syndication</code>.
        Readers that do not know it ignore it, as the specification requires; everything in it is also in the item's
        <code>content_html</code> or in the RSS and Atom documents, so nothing is lost to them.</p>
        <p>Each <code>_syndication</code> object starts with <code>about</code>, the URL of this page (or of another page
        saying the same, when the publisher is configured with one).</p>
        </header>
        <main>
        <section id="item">
        <h2>On an item</h2>
        <p>Written when the item has related articles or a lead picture.</p>

        """;

    private const string ItemEnd = """
        <p>Fields without a value are left out.</p>
        </section>

        """;

    private const string ArchiveIntro = """
        <section id="archive">
        <h2>On an archive page</h2>
        <p>An archive document (<code>archive/&lt;n&gt;.json</code>, older entries than the subscription document holds,
        RFC 5005's idea in JSON Feed) carries <code>_syndication</code> at the top level:</p>

        """;

    private const string Rest = """
        <p>Older pages are reached with JSON Feed's own <code>next_url</code>.</p>
        </section>
        <section id="example">
        <h2>Example</h2>
        <pre><code>"_syndication": {
          "about": "https://feeds.example.com/json-feed-extension.html",
          "related": [
            {
              "url": "https://news.example.com/world/serbias-ammunition-ends-up-in-ukraine-through-various-countries/",
              "title": "Serbia’s ammunition ends up in Ukraine through various countries",
              "source": "slug"
            }
          ],
          "image": { "caption": "Vladimir Putin and Kim Jong Un meeting on June 19.", "credit": "MFA Russia/X" }
        }</code></pre>
        </section>
        </main>

        """;

    // Every _syndication object starts with it, on an item as on an archive page.
    private static readonly FieldRow About = new("about", "string (URL)", "This page.");

    // The field names and types are written as they are; the meanings are HTML.
    private static readonly FieldRow[] ItemFields =
    [
        About,
        new("related", "array", """
            The related articles, the editor's first in the order written, then those
            found by text similarity, best first. The same links end the item's <code>content_html</code> as a “Read also” list, and
            are the <code>rel="related"</code> links of RSS and Atom.
            """),
        new("related[].url", "string (URL)", "The related article's page."),
        new("related[].title", "string", "Its title, as plain text."),
        new("related[].source", "string", """
            How the link was found: <code>explicit</code> (the editor gave the
            URL), <code>title-match</code> (the editor's title matched an article of one of the feeds), <code>slug</code> (no match: the
            feed's article link pattern applied to the title's slug), <code>computed</code> (found by text similarity).
            """),
        new("image", "object", """
            The lead picture. Its URL is also the item's <code>image</code>; its caption and
            credit are also in the figure that starts <code>content_html</code>.
            """),
        new("image.url", "string (URL)", "The picture, when the article gives one."),
        new("image.caption", "string", "The caption, as plain text."),
        new("image.credit", "string", "The credit, as plain text."),
        new("image.type", "string", "The picture's media type, such as <code>image/jpeg</code>."),
    ];

    private static readonly FieldRow[] ArchiveFields =
    [
        About,
        new("archive", "boolean", """
            Always <code>true</code>: the document is a fixed page of older items, not
            the feed to subscribe to.
            """),
        new("current", "string (URL)", "The subscription document."),
        new("newer", "string (URL)", "The next newer archive page; absent on the newest one."),
    ];

    /// <summary>Writes the page.</summary>
    public static FeedDocument Write()
    {
        var html = HtmlPage.Begin("en", Title, [], style: TableStyle);
        html.Append(Intro);
        AppendTable(html, ItemFields);
        html.Append(ItemEnd).Append(ArchiveIntro);
        AppendTable(html, ArchiveFields);
        html.Append(Rest).Append("<footer>").Append(HtmlPage.Encode(FeedGenerator.Text)).Append("</footer>\n");
        return new FeedDocument(FileName, HtmlPage.End(html), FeedMediaTypes.WithCharset(FeedMediaTypes.Html), DocumentKind.Page);
    }

    /// <summary>A table of the fields of one <c>_syndication</c> object, a row a field.</summary>
    private static void AppendTable(StringBuilder html, IEnumerable<FieldRow> rows)
    {
        html.Append("""
            <table>
            <thead>
            <tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr>
            </thead>
            <tbody>

            """);
        foreach (var row in rows)
        {
            html.Append("<tr><td><code>").Append(row.Field).Append("</code></td><td>").Append(row.Type)
                .Append("</td><td>").Append(row.Meaning).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private sealed record FieldRow(string Field, string Type, string Meaning);
}
