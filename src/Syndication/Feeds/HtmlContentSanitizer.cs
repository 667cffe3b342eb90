using Ganss.Xss;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// Cleans article HTML for feed readers: no scripts, styles, frames, event handlers or <c>javascript:</c> and
/// <c>data:</c> URLs survive, and relative links and images are made absolute against the article's page.
/// </summary>
internal sealed class HtmlContentSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Creates a sanitizer with the project's allow-list.</summary>
    public HtmlContentSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer.AllowedTags.UnionWith(["figure", "figcaption", "small"]);
        _sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "option", "textarea", "style"]);
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedAttributes.Remove("class");
        _sanitizer.AllowedAttributes.Remove("id");
        _sanitizer.AllowDataAttributes = false;
    }

    /// <summary>The safe form of <paramref name="html"/>, with relative URLs resolved against <paramref name="baseUrl"/>.</summary>
    public string Sanitize(string html, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseUrl);
        // The sanitizer decodes character references and writes what they stand for, which XML may not carry (&#xFFFE;).
        return PlainText.RemoveInvalidXmlCharacters(_sanitizer.Sanitize(html, baseUrl.AbsoluteUri), out _);
    }
}
