namespace Syndication.Articles;

/// <summary>The picture at the top of an article, or just its caption and credit when the text names no image file.</summary>
/// <param name="Url">The absolute http(s) URL of the image, when the front matter gives one.</param>
/// <param name="Caption">What the picture shows.</param>
/// <param name="Credit">Who took it or owns it (the text after <c>Photo:</c>).</param>
/// <param name="MediaType">The image's MIME type, given or guessed from the URL's extension.</param>
internal sealed record LeadImage(Uri? Url, string? Caption, string? Credit, string? MediaType);
