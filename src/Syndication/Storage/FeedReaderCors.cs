using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

/// <summary>
/// The account's Blob service CORS rule that lets browser-based feed readers fetch the documents: anonymous
/// <c>GET</c> and <c>HEAD</c> from any origin. CORS rules belong to the account, not to a container, so the rule is
/// merged into the account's rules: the one rule this publisher owns (any origin, exactly <c>GET</c> and <c>HEAD</c>) is
/// added or replaced, and every other rule is kept.
/// </summary>
internal static class FeedReaderCors
{
    /// <summary>How long a browser may cache the answer to its preflight request.</summary>
    public const int MaxAgeInSeconds = 3600;

    private const string AnyOrigin = "*";
    private const string Methods = "GET,HEAD";

    // Conditional requests need a preflight for these; the answer's validators are what a reader keeps for the next poll.
    private const string RequestHeaders = "If-None-Match,If-Modified-Since";
    private const string ResponseHeaders = "ETag,Last-Modified,Content-Type";

    /// <summary>The rule this publisher sets.</summary>
    public static BlobCorsRule Rule => new()
    {
        AllowedOrigins = AnyOrigin,
        AllowedMethods = Methods,
        AllowedHeaders = RequestHeaders,
        ExposedHeaders = ResponseHeaders,
        MaxAgeInSeconds = MaxAgeInSeconds,
    };

    /// <summary>
    /// Sets the rule on the account of <paramref name="service"/> unless it is there already. The service's other
    /// properties (logging, metrics, the static website) are sent back as they were read: the client serializes an
    /// incomplete logging element for properties left unset, which storage refuses.
    /// </summary>
    /// <remarks>
    /// Service properties carry no ETag, so a change someone else makes between the read and the write is lost; the
    /// write happens only when the rule is missing or differs, which keeps that window to the first run.
    /// </remarks>
    /// <exception cref="StorageException">The account's properties cannot be read or set (the identity may lack the permission).</exception>
    public static Task EnsureAsync(BlobServiceClient service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return StorageErrors.TranslateAsync(service.Uri, $"{service.AccountName} (Blob service CORS rules)", async () =>
        {
            var properties = (await service.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value;
            if (Merge(properties.Cors) is { } rules)
            {
                properties.Cors = rules;
                await service.SetPropertiesAsync(properties, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// The account's rules with this publisher's in place of the one it owns (or added after the others), or
    /// <see langword="null"/> when <paramref name="existing"/> already holds it exactly, once.
    /// </summary>
    public static List<BlobCorsRule>? Merge(IEnumerable<BlobCorsRule>? existing)
    {
        var rules = existing?.ToList() ?? [];
        var owned = rules.FindAll(IsOwned);
        if (owned.Count == 1 && SameAs(owned[0], Rule))
        {
            return null;
        }

        var index = rules.FindIndex(IsOwned);
        rules.RemoveAll(IsOwned);
        rules.Insert(index < 0 ? rules.Count : index, Rule);
        return rules;
    }

    // Ours: any origin, and exactly the two methods, in any order or case; a rule with other origins or methods is someone else's.
    private static bool IsOwned(BlobCorsRule rule) =>
        rule.AllowedOrigins?.Trim() == AnyOrigin
        && Split(rule.AllowedMethods).SetEquals(Split(Methods));

    private static bool SameAs(BlobCorsRule rule, BlobCorsRule other) =>
        Split(rule.AllowedHeaders).SetEquals(Split(other.AllowedHeaders))
        && Split(rule.ExposedHeaders).SetEquals(Split(other.ExposedHeaders))
        && rule.MaxAgeInSeconds == other.MaxAgeInSeconds;

    private static HashSet<string> Split(string? list) =>
        new((list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
