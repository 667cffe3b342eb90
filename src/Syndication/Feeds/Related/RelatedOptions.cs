using System.ComponentModel.DataAnnotations;

namespace Syndication.Feeds.Related;

/// <summary>How related articles are computed (configuration section <c>Syndication:Related</c>).</summary>
public sealed class RelatedOptions
{
    /// <summary>How many computed related articles each entry gets, after the editor's own; 0 turns the computation off.</summary>
    /// <value>The default value is 3.</value>
    [Range(0, 20)]
    public int Count { get; set; } = 3;

    /// <summary>The lowest cosine similarity (0 to 1) at which an article counts as related.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = 0.1;
}
