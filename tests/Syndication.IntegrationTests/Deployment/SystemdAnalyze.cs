using System.Diagnostics;
using Syndication.Tests.Readers;

namespace Syndication.Tests.Deployment;

/// <summary>Runs <c>systemd-analyze</c> (Debian package <c>systemd</c>) on the units in <c>deploy/</c>.</summary>
internal static class SystemdAnalyze
{
    public const string Executable = "/usr/bin/systemd-analyze";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Skips the test when <c>systemd-analyze</c> is missing, except on CI, where <c>.ci/run</c> installs it, as it
    /// does the readers.
    /// </summary>
    public static void RequireInstalled() => ReaderProcess.RequireInstalled(File.Exists(Executable), "systemd-analyze", "systemd");

    /// <summary>Runs <c>systemd-analyze</c> with <paramref name="arguments"/> to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The report's wording is parsed: English, whatever the machine's locale; no pager, no colours.
        start.Environment["LANG"] = start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["SYSTEMD_PAGER"] = "cat";
        start.Environment["SYSTEMD_COLORS"] = "0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"systemd-analyze {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
