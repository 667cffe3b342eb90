using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace Syndication.Tests.Deployment;

/// <summary>
/// The systemd units in <c>deploy/</c>, checked by systemd's own tool: they parse without a warning, and the worker's
/// sandbox rates "OK" or better in <c>systemd-analyze security</c>.
/// </summary>
public sealed partial class SystemdUnitTests : IDisposable
{
    /// <summary>Where the units run the worker from (the README's install step).</summary>
    private const string InstalledExecutable = "/opt/syndication/syndication";

    private static readonly string[] Units = ["syndication.service", "syndication-health.service", "syndication-health.timer"];

    private readonly string _folder = Directory.CreateTempSubdirectory("syndication-units-").FullName;

    private static string Deploy => Path.Combine(RepositoryPaths.Root, "deploy");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheDeployFolderHoldsTheWorkerTheProbeAndItsTimer()
    {
        var units = Directory.EnumerateFiles(Deploy).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Units.Order(StringComparer.Ordinal), units);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task EveryUnit_InSystemdAnalyzeVerify_PassesWithoutAWarning()
    {
        SystemdAnalyze.RequireInstalled();

        // verify checks that ExecStart= is executable: a stand-in, with the unit text otherwise as shipped.
        var executable = Path.Combine(_folder, "syndication");
        await File.WriteAllTextAsync(executable, "#!/bin/sh\nexit 0\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        foreach (var unit in Units)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(Deploy, unit), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(_folder, unit), text.Replace(InstalledExecutable, executable, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        }

        var (exitCode, output, error) = await SystemdAnalyze.RunAsync(["verify", "--man=no", .. Units.Select(u => Path.Combine(_folder, u))]);

        // verify exits 0 for unknown keys and unparsable values, which it reports and ignores: no output at all.
        Assert.True(exitCode == 0, $"systemd-analyze verify exited with {exitCode}: {error}");
        Assert.Equal("", (output + error).Trim());
    }

    [Fact]
    public async Task TheWorkerUnit_InSystemdAnalyzeSecurity_IsExposedAtMost3()
    {
        SystemdAnalyze.RequireInstalled();

        var (exitCode, output, error) = await SystemdAnalyze.RunAsync("security", "--offline=yes", Path.Combine(Deploy, "syndication.service"));

        Assert.True(exitCode == 0, $"systemd-analyze security exited with {exitCode}: {error}");
        var match = OverallExposure().Match(output);
        Assert.True(match.Success, $"No overall exposure level in: {output}");
        var exposure = decimal.Parse(match.Groups["exposure"].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= 3.0m, $"Exposure {exposure} is above 3.0:\n{output}");
    }

    [Fact]
    public void TheHealthProbe_ReadsTheFileTheWorkerWrites_AsTheWorkersUser()
    {
        var worker = Settings("syndication.service");
        var probe = Settings("syndication-health.service");

        // Both name the same dynamic user, so the 0600 health file the worker writes is the probe's to read.
        Assert.Equal(["syndication"], worker["User"]);
        Assert.Equal(worker["User"], probe["User"]);
        Assert.Equal(["syndication"], worker["StateDirectory"]);
        Assert.Equal(worker["StateDirectory"], probe["StateDirectory"]);
        var healthFile = "Syndication__HealthFile=/var/lib/syndication/health.json";
        Assert.Contains(healthFile, worker["Environment"]);
        Assert.Contains(healthFile, probe["Environment"]);
        Assert.Equal([$"{InstalledExecutable} health"], probe["ExecStart"]);
    }

    [Fact]
    public void TheHealthTimer_StartsTheProbeEveryMinute()
    {
        var timer = Settings("syndication-health.timer");

        Assert.Equal(["1min"], timer["OnUnitActiveSec"]);
        Assert.Equal(["timers.target"], timer["WantedBy"]);
    }

    /// <summary>A unit's settings: every value of each key, in order, whatever its section.</summary>
    private static ILookup<string, string> Settings(string unit) =>
        File.ReadLines(Path.Combine(Deploy, unit))
            .Where(l => l.Length > 0 && l[0] is not ('#' or ';' or '['))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0].Trim(), p => p[1].Trim());

    [GeneratedRegex(@"Overall exposure level for \S+: (?<exposure>\d+\.\d+)")]
    private static partial Regex OverallExposure();
}
