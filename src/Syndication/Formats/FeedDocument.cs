namespace Syndication.Formats;

/// <summary>A finished document, ready to be stored: what storage needs and nothing about the format.</summary>
/// <param name="Name">The blob name, such as <c>world/rss.xml</c>.</param>
/// <param name="Content">The bytes, UTF-8 without a byte order mark.</param>
/// <param name="ContentType">The Content-Type header to serve it with.</param>
/// <param name="Kind">What the document is for, which decides its caching policy.</param>
/// <param name="Wave">
/// Documents of a lower wave are all stored before any of a higher wave: archive pages before the subscription
/// documents that link to them, so a reader never follows a link to a page not yet there.
/// </param>
internal sealed record FeedDocument(string Name, ReadOnlyMemory<byte> Content, string ContentType, DocumentKind Kind = DocumentKind.Feed, int Wave = 0);
