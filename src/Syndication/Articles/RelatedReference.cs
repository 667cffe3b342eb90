namespace Syndication.Articles;

/// <summary>An article the editor pointed to ("Read also: …", a Markdown link, or front matter <c>related</c>).</summary>
/// <param name="Title">The title as the editor wrote it; it becomes the link's title.</param>
/// <param name="Url">The URL given with the title, when there was one.</param>
/// <param name="Line">The 1-based line it was written on in the article file.</param>
internal sealed record RelatedReference(string Title, Uri? Url, int? Line);
