using System.Diagnostics;
using System.Globalization;
using Syndication.Testing;

namespace Syndication.Benchmarks;

/// <summary>The repository's Azurite (installed by <c>npm ci</c>), started on a free loopback port with in-memory storage for one benchmark.</summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The account's blob endpoint, where public blobs can be read anonymously as <c>{container}/{name}</c>.</summary>
    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1/");

    /// <summary>The CPU time Azurite has used so far, to tell a run's storage work from the worker's own.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string ConnectionString => AzuriteProcess.ConnectionStringFor(Port);

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = AzuriteProcess.FreePort();
        return new AzuriteServer(await AzuriteProcess.StartAsync(RepositoryRoot.Find(), port, location: null), port);
    }

    public ValueTask DisposeAsync() => new(AzuriteProcess.StopAsync(_process));
}
