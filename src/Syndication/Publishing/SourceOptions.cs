using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>Where articles come from when not from the local feeds folder (configuration section <c>Syndication:Source</c>).</summary>
public sealed class SourceOptions
{
    /// <summary>
    /// A blob container in the same storage account holding <c>&lt;feed&gt;/feed.json</c> and the articles under
    /// <c>&lt;feed&gt;/</c>; when set, <see cref="SyndicationOptions.FeedsPath"/> is not used.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: articles come from the feeds folder.</value>
    [ContainerName(ErrorMessage = "Syndication:Source:Container '{0}' is not a valid container name.")]
    public string? Container { get; set; }
}
