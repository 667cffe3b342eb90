namespace Syndication.Articles;

/// <summary>The one test every URL that ends up in a feed passes: absolute, http or https, and without credentials.</summary>
internal static class WebUrl
{
    /// <summary>
    /// Parses <paramref name="text"/> as an absolute http(s) URL; anything else (relative, javascript:, data:, file:)
    /// fails, and so does a URL with a user name or password (<c>https://user:pass@host/</c>), which every entry and
    /// reader would be given.
    /// </summary>
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

        if (parsed.UserInfo.Length > 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>
    /// <paramref name="text"/> as a message may show it: a user name and password in it are replaced by <c>***</c>, so
    /// that refusing a URL for its credentials does not write them into the logs.
    /// </summary>
    public static string Shown(string? text)
    {
        if (text is null || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.UserInfo.Length == 0
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return text ?? string.Empty;
        }

        return $"{parsed.Scheme}://***@{parsed.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped)} (a user name or password is not allowed in a published URL)";
    }
}
