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

    private const string Body = """
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
        <table>
        <thead>
        <tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr>
        </thead>
        <tbody>
        <tr><td><code>about</code></td><td>string (URL)</td><td>This page.</td></tr>
        <tr><td><code>related</code></td><td>array</td><td>The related articles, the editor's first in the order written, then those
        found by text similarity, best first. The same links end the item's <code>content_html</code> as a “Read also” list, and
        are the <code>rel="related"</code> links of RSS and Atom.</td></tr>
        <tr><td><code>related[].url</code></td><td>string (URL)</td><td>The related article's page.</td></tr>
        <tr><td><code>related[].title</code></td><td>string</td><td>Its title, as plain text.</td></tr>
        <tr><td><code>related[].source</code></td><td>string</td><td>How the link was found: <code>explicit</code> (the editor gave the
        URL), <code>title-match</code> (the editor's title matched an article of one of the feeds), <code>slug</code> (no match: the
        feed's article link pattern applied to the title's slug), <code>computed</code> (found by text similarity).</td></tr>
        <tr><td><code>image</code></td><td>object</td><td>The lead picture. Its URL is also the item's <code>image</code>; its caption and
        credit are also in the figure that starts <code>content_html</code>.</td></tr>
        <tr><td><code>image.url</code></td><td>string (URL)</td><td>The picture, when the article gives one.</td></tr>
        <tr><td><code>image.caption</code></td><td>string</td><td>The caption, as plain text.</td></tr>
        <tr><td><code>image.credit</code></td><td>string</td><td>The credit, as plain text.</td></tr>
        <tr><td><code>image.type</code></td><td>string</td><td>The picture's media type, such as <code>image/jpeg</code>.</td></tr>
        </tbody>
        </table>
        <p>Fields without a value are left out.</p>
        </section>
        <section id="archive">
        <h2>On an archive page</h2>
        <p>An archive document (<code>archive/&lt;n&gt;.json</code>, older entries than the subscription document holds,
        RFC 5005's idea in JSON Feed) carries <code>_syndication</code> at the top level:</p>
        <table>
        <thead>
        <tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr>
        </thead>
        <tbody>
        <tr><td><code>about</code></td><td>string (URL)</td><td>This page.</td></tr>
        <tr><td><code>archive</code></td><td>boolean</td><td>Always <code>true</code>: the document is a fixed page of older items, not
        the feed to subscribe to.</td></tr>
        <tr><td><code>current</code></td><td>string (URL)</td><td>The subscription document.</td></tr>
        <tr><td><code>newer</code></td><td>string (URL)</td><td>The next newer archive page; absent on the newest one.</td></tr>
        </tbody>
        </table>
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

    /// <summary>Writes the page.</summary>
    public static FeedDocument Write()
    {
        var html = HtmlPage.Begin("en", Title, [], style: TableStyle);
        html.Append(Body).Append("<footer>").Append(HtmlPage.Encode(FeedGenerator.Text)).Append("</footer>\n");
        return new FeedDocument(FileName, HtmlPage.End(html), FeedMediaTypes.WithCharset(FeedMediaTypes.Html), DocumentKind.Page);
    }
}
