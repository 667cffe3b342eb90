using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Syndication.Tests.Readers;

/// <summary>The text a reader shows for a value it read, and the text the newsroom's input should become.</summary>
internal static partial class ReaderText
{
    private static readonly HtmlParser Html = new();

    /// <summary>
    /// What a reader shows for a value of <paramref name="type"/>: HTML is rendered (tags give no text, references are
    /// decoded), anything else is shown as it is.
    /// </summary>
    public static string? Shown(string? type, string? value) =>
        value is not null && type == "text/html" ? FromHtml(value) : value;

    /// <summary>
    /// The text of an HTML fragment, as a browser renders it. Unlike decoding the character references only, markup
    /// that should have been text shows up as missing text.
    /// </summary>
    public static string FromHtml(string html)
    {
        var document = Html.ParseDocument(string.Empty);
        document.Body!.InnerHtml = html;
        return document.Body.TextContent;
    }

    /// <summary>The README's normalisation of titles, names and tags: white space trimmed, each run folded into one space.</summary>
    public static string Folded(string text) => WhiteSpace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
