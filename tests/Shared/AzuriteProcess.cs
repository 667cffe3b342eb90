using System.Diagnostics;
using System.Globalization;

namespace Syndication.Testing;

/// <summary>
/// The repository's Azurite blob server (installed by <c>npm ci</c>), or its queue server, as a process of its own on a
/// loopback port: started and stopped the same way by the tests and the benchmarks, which both link this file.
/// </summary>
internal static class AzuriteProcess
{
    /// <summary>The development account's well-known key: Azurite's, and no secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>
    /// Starts Azurite on <paramref name="port"/>: in memory, or saving to <paramref name="location"/>; returns once it
    /// listens.
    /// </summary>
    /// <param name="repositoryRoot">The folder whose <c>node_modules</c> holds Azurite.</param>
    /// <param name="port">The loopback port.</param>
    /// <param name="location">Where it saves its data, or <see langword="null"/> to keep it in memory.</param>
    /// <param name="service">The service: <c>blob</c>, or <c>queue</c>.</param>
    /// <exception cref="InvalidOperationException">Azurite is not installed, or exited before listening.</exception>
    /// <exception cref="TimeoutException">It did not listen within 30 s.</exception>
    public static async Task<Process> StartAsync(string repositoryRoot, int port, string? location, string service = "blob")
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", $"azurite-{service}");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {repositoryRoot} (the README's test command does).");
        }

        // Started directly, not through npx, so the process held is the server's; telemetry off, or it may not exit on SIGTERM.
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in new[] { $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture) }
                     .Concat(storage).Concat(["--skipApiVersionCheck", "--disableTelemetry", "--silent"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port}.");
            }

            // A connection alone is not proof: another server may hold the port, and Azurite then exits unable to
            // bind. Only an answer that names Azurite, from a process still running, is.
            if (await ServerOnAsync(port) is { } server)
            {
                if (server.StartsWith("Azurite", StringComparison.Ordinal) && !process.HasExited)
                {
                    return process;
                }

                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"Port {port} is held by another server ({server}), not Azurite.");
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }

    /// <summary>Stops Azurite with SIGTERM, so that it saves what it acknowledged, and waits for it to exit.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // SIGTERM: Process.Kill sends SIGKILL, which can lose acknowledged writes.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    /// <summary>A free loopback port that no other caller in this process is given: see <see cref="LoopbackPorts"/>.</summary>
    public static int FreePort() => LoopbackPorts.Next();

    /// <summary>The <c>Server</c> header of what answers on <paramref name="port"/>, or <see langword="null"/> while nothing does.</summary>
    private static async Task<string?> ServerOnAsync(int port)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
            return response.Headers.Server.ToString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>A connection string for the development account on <paramref name="port"/> (and its queues on <paramref name="queuePort"/>, when given).</summary>
    public static string ConnectionStringFor(int port, int? queuePort = null) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;"
        + (queuePort is { } queue ? $"QueueEndpoint=http://127.0.0.1:{queue.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;" : string.Empty);
}
