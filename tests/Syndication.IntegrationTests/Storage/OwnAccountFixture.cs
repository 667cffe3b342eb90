using System.Diagnostics;
using Azure.Storage.Blobs;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary>
/// An Azurite server of its own (in memory), for the tests of what an account has once: the <c>$web</c> container and
/// the Blob service's CORS rules. On the shared server they would see each other's, and change what every other test
/// is served.
/// </summary>
public sealed class OwnAccountFixture : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The blob endpoint's port.</summary>
    public int Port { get; private set; }

    /// <summary>A client for the server.</summary>
    public BlobServiceClient CreateClient() => new(AzuriteFixture.ConnectionStringFor(Port));

    /// <summary>Options that publish <paramref name="feedsPath"/> to <paramref name="container"/> on this server.</summary>
    public SyndicationOptions OptionsFor(string container, string feedsPath) => new()
    {
        FeedsPath = feedsPath,
        Storage = new StorageOptions { ConnectionString = AzuriteFixture.ConnectionStringFor(Port), Container = container, MaxRetries = 0 },
    };

    /// <summary>The blob endpoint's URL of <paramref name="blob"/> in <paramref name="container"/>.</summary>
    public Uri UrlOf(string container, string blob) => new($"http://127.0.0.1:{Port}/devstoreaccount1/{container}/{blob}");

    public async ValueTask InitializeAsync()
    {
        Port = AzuriteFixture.FreePort();
        _process = await AzuriteFixture.StartAsync(Port, location: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await AzuriteFixture.StopAsync(_process);
        }
    }
}
