using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Testing;

[assembly: AssemblyFixture(typeof(Syndication.Tests.Storage.AzuriteFixture))]

namespace Syndication.Tests.Storage;

/// <summary>
/// Starts the real Azurite blob and queue servers (from the repository's <c>node_modules</c>, installed by
/// <c>npm ci</c>) on free loopback ports with in-memory storage, once for all tests, and stops them at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? _process;
    private Process? _queues;

    /// <summary>The blob endpoint's port.</summary>
    public int Port { get; private set; }

    /// <summary>The queue endpoint's port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>A connection string for the development account on these servers, blobs and queues.</summary>
    public string ConnectionString => ConnectionStringFor(Port, QueuePort);

    /// <summary>A connection string to a loopback port where nothing listens: storage that is down.</summary>
    public static string UnreachableConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";

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
        TestPublisher.Create(options, time);

    /// <summary>The anonymous URL of <paramref name="blob"/> in <paramref name="container"/>.</summary>
    public Uri UrlOf(string container, string blob) => new($"http://127.0.0.1:{Port}/devstoreaccount1/{container}/{blob}");

    public async ValueTask InitializeAsync()
    {
        (Port, QueuePort) = (FreePort(), FreePort());
        var blobs = StartAsync(Port, location: null);
        var queues = AzuriteProcess.StartAsync(RepositoryPaths.Root, QueuePort, location: null, service: "queue");
        (_process, _queues) = (await blobs, await queues);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _process, _queues })
        {
            if (process is not null)
            {
                await StopAsync(process);
            }
        }
    }

    /// <summary>Starts an Azurite blob server on <paramref name="port"/>: in memory, or saving to <paramref name="location"/>.</summary>
    public static Task<Process> StartAsync(int port, string? location) => AzuriteProcess.StartAsync(RepositoryPaths.Root, port, location);

    /// <summary>Stops Azurite with SIGTERM, so that it saves what it acknowledged, and waits for it to exit.</summary>
    public static Task StopAsync(Process process) => AzuriteProcess.StopAsync(process);

    /// <summary>
    /// Frees the feed leases in <paramref name="state"/> that a stopped or killed worker still held. Storage frees
    /// them itself once they expire, <see cref="FeedLease.Duration"/> after their last renewal; breaking them is that
    /// expiry without the wait, which is the storage's clock and not the code under test.
    /// </summary>
    public static async Task BreakLeasesAsync(BlobContainerClient state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!await state.ExistsAsync(TestContext.Current.CancellationToken))
        {
            return;
        }

        await foreach (var blob in state.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (blob.Properties.LeaseState == Azure.Storage.Blobs.Models.LeaseState.Leased)
            {
                try
                {
                    await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(state.GetBlobClient(blob.Name))
                        .BreakAsync(TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
                }
                catch (Azure.RequestFailedException e) when (e.Status == 409)
                {
                    // Released since it was listed: free already.
                }
            }
        }
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort() => AzuriteProcess.FreePort();

    /// <summary>A connection string for the development account on <paramref name="port"/> (and its queues on <paramref name="queuePort"/>, when given).</summary>
    public static string ConnectionStringFor(int port, int? queuePort = null) => AzuriteProcess.ConnectionStringFor(port, queuePort);
}
