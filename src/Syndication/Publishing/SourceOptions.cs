using System.ComponentModel.DataAnnotations;
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

    /// <summary>
    /// A storage queue in the same account to which Event Grid delivers the <see cref="Container"/>'s
    /// <c>BlobCreated</c> and <c>BlobDeleted</c> events: a running worker then lists the container only at its first
    /// run and every <see cref="ReconcileInterval"/>, and otherwise applies the events. Messages it cannot use go to
    /// <c>&lt;queue&gt;-poison</c>. Only with <see cref="Container"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every run lists the container.</value>
    // Queue names follow the rules of container names; the length left for "-poison" is checked with the other settings.
    [ContainerName(ErrorMessage = "Syndication:Source:Queue '{0}' is not a valid queue name (3 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).")]
    public string? Queue { get; set; }

    /// <summary>
    /// With <see cref="Queue"/>, how often a running worker lists the container in full, catching anything the events
    /// did not tell (an event lost, expired or set aside).
    /// </summary>
    /// <value>The default value is 1 day.</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromDays(1);
}
