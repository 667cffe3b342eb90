using System.ComponentModel.DataAnnotations;

namespace Syndication.Publishing;

/// <summary>The guard against runs that would remove much of a feed at once (configuration section <c>Syndication:Deletion</c>).</summary>
/// <remarks>A run is refused for a feed when it would remove more than <see cref="MaxShare"/> of its entries or more than <see cref="MaxCount"/> entries.</remarks>
public sealed class DeletionOptions
{
    /// <summary>The largest share (0 to 1) of a feed's entries one run may remove.</summary>
    /// <value>The default value is 0.1 (10 %).</value>
    [Range(0.0, 1.0)]
    public double MaxShare { get; set; } = 0.1;

    /// <summary>The largest number of entries one run may remove from a feed.</summary>
    /// <value>The default value is 100.</value>
    [Range(0, int.MaxValue)]
    public int MaxCount { get; set; } = 100;

    /// <summary>Lets a run remove any number of entries (<c>--allow-mass-delete</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowMassDelete { get; set; }

    /// <summary>Whether removing <paramref name="removed"/> of <paramref name="published"/> entries is allowed.</summary>
    public bool Allows(int removed, int published) =>
        AllowMassDelete || removed == 0 || (removed <= MaxCount && removed <= MaxShare * published);
}
