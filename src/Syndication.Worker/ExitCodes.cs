using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>The process exit codes of <c>syndication</c>, and which outcome gives which.</summary>
public static class ExitCodes
{
    /// <summary>Everything published; <c>validate</c>: no problem at all; <c>health</c>: healthy.</summary>
    public const int Success = 0;

    /// <summary>
    /// Failed: a feed could not be published, storage could not be reached, the command line or configuration is
    /// invalid; <c>validate</c>: at least one error; <c>health</c>: unhealthy. The output names what.
    /// </summary>
    public const int Failed = 1;

    /// <summary>The command line or configuration is invalid (the same code as <see cref="Failed"/>; the message names the setting).</summary>
    public const int InvalidConfiguration = Failed;

    /// <summary>Every feed was published, but some articles were rejected; the output names each file.</summary>
    public const int PartlyPublished = 2;

    /// <summary><c>validate</c> found warnings only: everything publishes, with repairs (the same code as <see cref="PartlyPublished"/>).</summary>
    public const int Warnings = PartlyPublished;

    /// <summary>
    /// <c>publish</c> was stopped (Ctrl+C or SIGTERM) before it finished: each feed it wrote is whole, and the next run
    /// publishes the rest. The shell's code for a process ended by Ctrl+C.
    /// </summary>
    public const int Stopped = 130;

    /// <summary>
    /// The exit code of <c>publish</c>: a feed skipped for its <c>feed.json</c> or its folder name is a feed not
    /// published, and one published from its last good <c>feed.json</c> is not published as its file says.
    /// </summary>
    public static int Of(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Commands.PublishSummary.NotPublished(report).Count > 0 || Commands.PublishSummary.BrokenDefinitions(report).Count > 0 ? Failed
            : report.Succeeded ? Success : PartlyPublished;
    }

    /// <summary>The exit code of <c>validate</c>.</summary>
    public static int Of(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Errors > 0 ? Failed : report.Warnings > 0 ? Warnings : Success;
    }
}
