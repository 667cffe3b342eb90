namespace Syndication.Sources;

/// <summary>One file as a source remembers it from one process to the next: its stamp and the SHA-256 of its bytes.</summary>
/// <param name="Key">The file's key, <c>&lt;feed&gt;/&lt;file name&gt;</c>.</param>
/// <param name="Stamp">The stamp the listing showed when the bytes were read (length and write time; a blob's ETag).</param>
/// <param name="Hash">SHA-256 of the bytes (lowercase hex).</param>
internal sealed record RememberedFile(string Key, string Stamp, string Hash);
