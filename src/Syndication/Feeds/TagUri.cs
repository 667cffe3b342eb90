using System.Globalization;

namespace Syndication.Feeds;

/// <summary>Builds <c>tag:</c> URIs (RFC 4151): ids that stay the same when a site moves or a title changes.</summary>
internal static class TagUri
{
    /// <summary><c>tag:&lt;authority&gt;,&lt;date&gt;:&lt;segments joined by '/'&gt;</c>, each segment percent-encoded.</summary>
    public static Uri Create(string authority, DateTimeOffset date, params ReadOnlySpan<string> segments)
    {
        ArgumentException.ThrowIfNullOrEmpty(authority);
        var specific = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            specific.Add(Uri.EscapeDataString(segment));
        }

        var day = date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Uri($"tag:{authority.ToLowerInvariant()},{day}:{string.Join('/', specific)}");
    }
}
