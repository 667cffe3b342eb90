namespace Syndication.Articles;

/// <summary>MIME types of images, guessed from a URL's extension when the front matter does not say.</summary>
internal static class MediaTypes
{
    /// <summary>The MIME type for the extension of <paramref name="url"/>'s path, or <see langword="null"/> when unknown.</summary>
    public static string? FromImageUrl(Uri? url) =>
        url is null ? null : Path.GetExtension(url.AbsolutePath).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            _ => null,
        };
}
