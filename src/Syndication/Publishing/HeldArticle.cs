namespace Syndication.Publishing;

/// <summary>An article whose <c>published</c> date is still to come: it is published nowhere until then.</summary>
/// <param name="Feed">The feed it belongs to.</param>
/// <param name="File">The path of its file, as the source names it.</param>
/// <param name="Until">When it is released: its <c>published</c> date.</param>
public sealed record HeldArticle(string Feed, string File, DateTimeOffset Until);
