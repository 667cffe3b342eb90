namespace Syndication.Sources;

/// <summary>A file directly in a feed's folder as a listing (or a read) shows it, before anything is parsed.</summary>
/// <param name="Feed">The folder's name.</param>
/// <param name="Name">The file's name.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Stamp">What changes whenever the bytes do, known without reading them (a length and time, an ETag).</param>
/// <param name="Settled">
/// Whether the stamp will still tell a change at a later run: not when the file was written so recently that it
/// may be written again under the same time.
/// </param>
/// <param name="Version">A version of the bytes the listing knows without reading them (a blob's MD5), for the fingerprint.</param>
internal sealed record SourceFile(string Feed, string Name, long Length, string Stamp, bool Settled, string? Version = null)
{
    /// <summary>The file's key in the source: <c>&lt;feed&gt;/&lt;name&gt;</c>.</summary>
    public string Key => $"{Feed}/{Name}";
}
