namespace Syndication.Tests.Readers;

/// <summary>Runs a real feed reader (a Debian package) as a command, the way <c>FeedPageInBrowserTests</c> runs Chromium.</summary>
internal static class ReaderProcess
{
    /// <summary>Debian's Python, which has <c>python3-feedparser</c>; a <c>python3</c> earlier on the PATH may not.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Skips the test when a reader is missing, except on CI (<c>CI=true</c>), where <c>.ci/run</c> installs it and
    /// its absence is a failure.
    /// </summary>
    public static void RequireInstalled(bool installed, string reader, string package)
    {
        if (installed)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reader} is not installed (apt-get install {package}).");
        Assert.Skip($"{reader} is not installed (apt-get install {package}); the test is skipped.");
    }

    /// <summary>A script kept next to the tests (<c>Readers/*.py</c>, copied to the output folder).</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Readers", name);

    /// <summary>Runs <paramref name="executable"/> to its end and returns its standard output; a non-zero exit fails the test.</summary>
    /// <param name="home">
    /// A folder for <c>HOME</c> and the XDG folders, so the reader reads no configuration and leaves no state of
    /// the user's.
    /// </param>
    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, string? home = null)
    {
        // Readers fetch from Azurite on the loopback interface: no proxy of the environment in between.
        var environment = new[] { "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY" }
            .ToDictionary(proxy => proxy, _ => (string?)null, StringComparer.Ordinal);

        // Readers decode and print text by the locale: a UTF-8 terminal, as subscribers have.
        environment["LANG"] = environment["LC_ALL"] = "C.UTF-8";
        if (home is not null)
        {
            environment["HOME"] = home;
            environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
            environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
            environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        }

        var (exitCode, output, error) = await ChildProcess.RunAsync(executable, arguments, environment, Timeout);
        Assert.True(exitCode == 0, $"{executable} {string.Join(' ', arguments)} exited with {exitCode}: {error}");
        return output;
    }
}
