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
/// Starts the real Azurite blob server (from the repository's <c>node_modules</c>, installed by <c>npm ci</c>) on a
/// free loopback port with in-memory storage, once for all tests, and stops it at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The blob endpoint's port.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string for the development account on this server.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

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

    /// <summary>A connection string for the development account on <paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port) => AzuriteProcess.ConnectionStringFor(port);
}
