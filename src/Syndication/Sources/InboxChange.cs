namespace Syndication.Sources;

/// <summary>A blob of the inbox as some worker saw it: its name and the version it had then.</summary>
/// <param name="Name">The blob's name, <c>&lt;feed&gt;/&lt;file&gt;</c>.</param>
/// <param name="Version">Its ETag (without quotes), or <see cref="Absent"/> when it did not exist.</param>
internal sealed record InboxChange(string Name, string Version)
{
    /// <summary>The version of a blob that does not exist (deleted, or never written).</summary>
    public const string Absent = "-";
}
