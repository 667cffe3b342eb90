using System.ComponentModel.DataAnnotations;

namespace Syndication.Publishing;

/// <summary>WebSub (W3C recommendation): announce a hub in the feeds and notify it when they change (configuration section <c>Syndication:WebSub</c>).</summary>
public sealed class WebSubOptions
{
    /// <summary>The hub's URL; when set, subscription documents carry <c>rel="hub"</c> and the hub is notified after each run.</summary>
    /// <value>The default value is <see langword="null"/>: no WebSub.</value>
    public Uri? Hub { get; set; }

    /// <summary>How many times a notification is tried before it is given up (it never holds up publishing).</summary>
    /// <value>The default value is 4.</value>
    [Range(1, 10)]
    public int Attempts { get; set; } = 4;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one notification request may take.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
