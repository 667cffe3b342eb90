using Syndication.Tests.Readers;

namespace Syndication.Tests.Deployment;

/// <summary>Runs <c>systemd-analyze</c> (Debian package <c>systemd</c>) on the units in <c>deploy/</c>.</summary>
internal static class SystemdAnalyze
{
    public const string Executable = "/usr/bin/systemd-analyze";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The report's wording is parsed: English, whatever the machine's locale; no pager, no colours.
    private static readonly Dictionary<string, string?> PlainReport = new(StringComparer.Ordinal)
    {
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["SYSTEMD_PAGER"] = "cat",
        ["SYSTEMD_COLORS"] = "0",
    };

    /// <summary>
    /// Skips the test when <c>systemd-analyze</c> is missing, except on CI, where <c>.ci/run</c> installs it, as it
    /// does the readers.
    /// </summary>
    public static void RequireInstalled() => ReaderProcess.RequireInstalled(File.Exists(Executable), "systemd-analyze", "systemd");

    /// <summary>Runs <c>systemd-analyze</c> with <paramref name="arguments"/> to its end.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync(Executable, arguments, PlainReport, Timeout);
}
