using System.ComponentModel.DataAnnotations;

namespace Syndication.Publishing;

/// <summary>The guard against runs that would remove much of a feed at once (configuration section <c>Syndication:Deletion</c>).</summary>
/// <remarks>
/// A run is refused for a feed when it would remove more than <see cref="MaxCount"/> entries, or when it would remove at
/// least <see cref="MinCount"/> entries and more than <see cref="MaxShare"/> of them. Fewer removals than
/// <see cref="MinCount"/> are never refused for their share, so a small feed can lose an article without
/// <see cref="AllowMassDelete"/>.
/// </remarks>
public sealed class DeletionOptions
{
    /// <summary>
    /// The largest share (0 to 1) of a feed's entries one run may remove, checked only when the run removes at least
    /// <see cref="MinCount"/> entries.
    /// </summary>
    /// <value>The default value is 0.1 (10 %).</value>
    [Range(0.0, 1.0)]
    public double MaxShare { get; set; } = 0.1;

    /// <summary>
    /// The number of removals from which <see cref="MaxShare"/> applies: a run that removes fewer entries than this is
    /// allowed whatever share of the feed they are (<see cref="MaxCount"/> still applies); 0 checks the share of every removal.
    /// </summary>
    /// <value>The default value is 20.</value>
    [Range(0, int.MaxValue)]
    public int MinCount { get; set; } = 20;

    /// <summary>The largest number of entries one run may remove from a feed, whatever the feed's size.</summary>
    /// <value>The default value is 100.</value>
    [Range(0, int.MaxValue)]
    public int MaxCount { get; set; } = 100;

    /// <summary>Lets a run remove any number of entries (<c>--allow-mass-delete</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowMassDelete { get; set; }

    /// <summary>Whether removing <paramref name="removed"/> of <paramref name="published"/> entries is allowed.</summary>
    public bool Allows(int removed, int published) =>
        AllowMassDelete || removed == 0 || (removed <= MaxCount && (removed < MinCount || removed <= MaxShare * published));
}
