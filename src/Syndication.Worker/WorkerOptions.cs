using System.ComponentModel.DataAnnotations;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>
/// The settings of the command line and the background worker: when to publish, watching, stopping and the health
/// file. They share the configuration section <c>Syndication</c> with <see cref="SyndicationOptions"/>, so every key
/// reads as <c>Syndication:Interval</c> whichever class it belongs to.
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section these options bind to: the library's own.</summary>
    public const string SectionName = SyndicationOptions.SectionName;

    /// <summary>How often the worker publishes when <see cref="Schedule"/> is not set; also the RSS <c>ttl</c>.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When the worker publishes: an interval (<c>00:05:00</c>) or a cron expression (<c>*/5 * * * *</c>, or six fields with seconds).</summary>
    /// <value>The default value is <see langword="null"/>: every <see cref="Interval"/>.</value>
    public string? Schedule { get; set; }

    /// <summary>The time zone of a cron <see cref="Schedule"/> (IANA id such as <c>Europe/Berlin</c>).</summary>
    /// <value>The default value is <see langword="null"/>: UTC.</value>
    public string? TimeZone { get; set; }

    /// <summary>Whether the worker publishes soon after a file under the feeds folder changes (local folders only).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// How long the folder must be quiet after a change before the worker publishes, so a burst of changes makes one
    /// run; saves that never pause are published after ten of these at the latest.
    /// </summary>
    /// <value>The default value is half a second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a stopping worker lets uploads in flight finish before it exits.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true)]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A file where the worker records its last runs, read by <c>syndication health</c>; empty for none.
    /// </summary>
    /// <value>
    /// The default value is <c>health.json</c> in the state folder of <c>--out DIR</c> (<c>Syndication:StatePath</c>), otherwise
    /// <c>syndication/health.json</c> under <c>$XDG_STATE_HOME</c> (<c>~/.local/state</c> when it is not set): each
    /// user's worker its own file, never one shared by every worker of the machine.
    /// </value>
    public string HealthFile { get; set; } = DefaultHealthFile();

    /// <summary>The health file of a worker without <c>--out</c>: in the user's state folder, as the XDG base directories define it.</summary>
    public static string DefaultHealthFile()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathFullyQualified(state))
        {
            // The specification says a relative value is to be ignored.
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(state, "syndication", "health.json");
    }

    /// <summary>The schedule read from <see cref="Schedule"/>, <see cref="TimeZone"/> and <see cref="Interval"/>.</summary>
    /// <exception cref="FormatException">The schedule cannot be read.</exception>
    public PublishSchedule ParseSchedule() => PublishSchedule.Parse(Schedule, Interval, TimeZone);
}
