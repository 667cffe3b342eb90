namespace Syndication.Articles;

/// <summary>The one test every URL that ends up in a feed passes: absolute, and http or https.</summary>
internal static class WebUrl
{
    /// <summary>Parses <paramref name="text"/> as an absolute http(s) URL; anything else (relative, javascript:, data:, file:) fails.</summary>
    public static bool TryParse(string? text, out Uri url)
    {
        url = null!;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        url = parsed;
        return true;
    }
}
