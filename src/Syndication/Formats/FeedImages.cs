using Syndication.Articles;

namespace Syndication.Formats;

/// <summary>
/// Which of a feed's images (<see cref="FeedDefinition.Icon"/>, square; <see cref="FeedDefinition.Logo"/>, wide) each
/// format carries, where the format has fewer or other slots than the two.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>RSS 2.0 has one <c>image</c>, "a GIF, JPEG or PNG" of at most 144 by 400 pixels, 88 by 31 when no size is
/// given: a small wide badge, so the logo, else the icon. An image of another type (SVG, WebP) is not written there,
/// and no width or height is written: the feed does not know them.</item>
/// <item>Atom has both: <c>icon</c> (square, RFC 4287 4.2.5) and <c>logo</c> (wide, 2:1, RFC 4287 4.2.8).</item>
/// <item>JSON Feed has two square slots, <c>icon</c> (large, 512 by 512 recommended) and <c>favicon</c> (small):
/// both take the icon, which readers scale; a wide logo fits neither.</item>
/// </list>
/// </remarks>
internal static class FeedImages
{
    /// <summary>The Atom element of the square image (RFC 4287 4.2.5); the formatter writes <c>logo</c> itself.</summary>
    public static readonly TextElementSerializer AtomIcon = new("icon", FeedNamespaces.Atom);

    // What the RSS 2.0 specification allows in <image><url>, and the W3C validator checks by the URL's extension.
    private static readonly string[] RssImageExtensions = [".gif", ".jpg", ".jpeg", ".png"];

    /// <summary>The image for the RSS channel's <c>image</c>: the logo, else the icon, of a type RSS allows.</summary>
    public static Uri? Rss(FeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return RssAllows(definition.Logo) ? definition.Logo : RssAllows(definition.Icon) ? definition.Icon : null;
    }

    /// <summary>
    /// Whether RSS can carry <paramref name="image"/>: a URL whose path has no extension (a server choosing the type)
    /// or that of a GIF, JPEG or PNG.
    /// </summary>
    private static bool RssAllows(Uri? image)
    {
        if (image is null)
        {
            return false;
        }

        var extension = Path.GetExtension(image.AbsolutePath);
        return extension.Length == 0 || RssImageExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }
}
