namespace Syndication.Storage;

/// <summary>Storage URLs as they may be shown or published: without the query, where a SAS token would be.</summary>
internal static class PublicUri
{
    /// <summary><paramref name="uri"/> without its query string (a SAS signature is a secret).</summary>
    public static Uri WithoutQuery(Uri uri) => new UriBuilder(uri) { Query = string.Empty }.Uri;
}
