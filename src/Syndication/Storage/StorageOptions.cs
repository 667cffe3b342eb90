using System.ComponentModel.DataAnnotations;
using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>Where and how documents are stored (configuration section <c>Syndication:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>A storage connection string (shared key or SAS), such as Azurite's <c>UseDevelopmentStorage=true</c>. Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint (<c>https://&lt;account&gt;.blob.core.windows.net</c>), used with <c>DefaultAzureCredential</c> when no connection string is set.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>
    /// The container the feeds are published to; created when missing. <c>$web</c> is the container of the account's
    /// static website, served at its static website endpoint (set <c>Syndication:PublicBaseUrl</c> to that endpoint).
    /// </summary>
    /// <value>The default value is <c>feeds</c>.</value>
    [ContainerName(AllowsStaticWebsite = true,
        ErrorMessage = "Syndication:Storage:Container '{0}' is not a valid container name (3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit; or $web).")]
    public string Container { get; set; } = "feeds";

    /// <summary>The private container that holds the publisher's state (first-published dates); created when missing, never public.</summary>
    /// <value>The default value is the feed container's name followed by <c>-state</c>; <c>web-state</c> for <c>$web</c>.</value>
    [ContainerName(ErrorMessage = "Syndication:Storage:StateContainer '{0}' is not a valid container name.")]
    public string? StateContainer { get; set; }

    /// <summary>
    /// Anonymous read access given to a container this publisher creates. Not to <c>$web</c>, which is always created
    /// without: the static website endpoint serves it to anyone regardless.
    /// </summary>
    /// <value>The default value is <see cref="Storage.PublicAccess.Blob"/>.</value>
    public PublicAccess PublicAccess { get; set; } = PublicAccess.Blob;

    /// <summary>
    /// Whether each run makes sure the account's Blob service has a CORS rule that lets browser-based readers fetch
    /// the documents from the blob endpoint: <c>GET</c> and <c>HEAD</c> from any origin, exposing <c>ETag</c>,
    /// <c>Last-Modified</c> and <c>Content-Type</c>. CORS rules are account-wide: the rule applies to every container
    /// of the account. The account's other CORS rules are kept; only the one for any origin with exactly <c>GET</c> and
    /// <c>HEAD</c> is added or replaced. Azure's static website endpoint does not apply CORS rules.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the account's CORS rules are left as they are.</value>
    public bool Cors { get; set; }

    /// <summary>The <c>Cache-Control</c> header of published documents whose kind has no entry in <see cref="CacheControlByKind"/>; empty for none.</summary>
    /// <value>The default value is <c>public, max-age=300</c>.</value>
    public string CacheControl { get; set; } = "public, max-age=300";

    /// <summary>
    /// <c>Cache-Control</c> per kind of document (<c>Feed</c>, <c>Page</c>, <c>Outline</c>), such as
    /// <c>Syndication:Storage:CacheControlByKind:Outline = public, max-age=86400</c>.
    /// </summary>
    /// <value>The default value is empty: every kind uses <see cref="CacheControl"/>.</value>
    public Dictionary<DocumentKind, string> CacheControlByKind { get; set; } = [];

    /// <summary>How many times a failed storage request is retried.</summary>
    /// <value>The default value is 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one storage request may take before it is abandoned (and retried).</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true)]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Cache-Control</c> value for documents of <paramref name="kind"/>, or <see langword="null"/> for none.</summary>
    public string? CacheControlFor(DocumentKind kind)
    {
        var value = CacheControlByKind.TryGetValue(kind, out var byKind) ? byKind : CacheControl;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The state container's name, with its default applied.</summary>
    public string EffectiveStateContainer => !string.IsNullOrWhiteSpace(StateContainer) ? StateContainer
        : IsStaticWebsite ? StaticWebsite.DefaultStateContainer
        : Container + "-state";

    /// <summary>Whether the feeds are published to the account's static website container, <c>$web</c>.</summary>
    internal bool IsStaticWebsite => Container == StaticWebsite.Container;
}
