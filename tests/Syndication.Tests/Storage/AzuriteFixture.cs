using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Storage;

[assembly: AssemblyFixture(typeof(Syndication.Tests.Storage.AzuriteFixture))]

namespace Syndication.Tests.Storage;

/// <summary>
/// Starts the real Azurite blob server (from the repository's <c>node_modules</c>, installed by <c>npm ci</c>) on a
/// free loopback port with in-memory storage, once for all tests, and stops it at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key: public, not a secret.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>The blob endpoint's port.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string for the development account on this server.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>A connection string to a loopback port where nothing listens: storage that is down.</summary>
    public static string UnreachableConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    /// <summary>A fresh container name, so tests never see each other's blobs.</summary>
    public static string NewContainerName() => "t" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A client for the server.</summary>
    public BlobServiceClient CreateClient() => new(ConnectionString);

    /// <summary>Options that publish <paramref name="feedsPath"/> to <paramref name="container"/> on this server.</summary>
    public SyndicationOptions OptionsFor(string container, string feedsPath) => new()
    {
        FeedsPath = feedsPath,
        Storage = new StorageOptions { ConnectionString = ConnectionString, Container = container },
    };

    /// <summary>A publisher with its own clients, as a separate process would have.</summary>
    public static FeedPublisher CreatePublisher(SyndicationOptions options, TimeProvider time) =>
        new(Options.Create(options), BlobServiceClientFactory.Create(options.Storage), time, NullLogger<FeedPublisher>.Instance);

    /// <summary>The anonymous URL of <paramref name="blob"/> in <paramref name="container"/>.</summary>
    public Uri UrlOf(string container, string blob) => new($"http://127.0.0.1:{Port}/devstoreaccount1/{container}/{blob}");

    public async ValueTask InitializeAsync()
    {
        Port = FreePort();
        _process = await StartAsync(Port, location: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync(_process);
        }
    }

    /// <summary>Starts an Azurite blob server on <paramref name="port"/>: in memory, or saving to <paramref name="location"/>.</summary>
    public static async Task<Process> StartAsync(int port, string? location)
    {
        var executable = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {RepositoryPaths.Root} (the README's test command does).");
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }
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

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }

    /// <summary>Stops Azurite with SIGTERM, so that it saves what it acknowledged, and waits for it to exit.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // SIGTERM: Process.Kill sends SIGKILL, which can lose acknowledged writes.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
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

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A connection string for the development account on <paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

}
