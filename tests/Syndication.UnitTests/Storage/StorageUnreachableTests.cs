using System.Net;
using System.Net.Sockets;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary>Storage that cannot be reached is told in the operator's words: the endpoint and the setting, not the SDK's.</summary>
public sealed class StorageUnreachableTests : IDisposable
{
    // Azurite's well-known development account key: public, not a secret.
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly int _port = ClosedPort();

    private string Endpoint => $"http://127.0.0.1:{_port}/devstoreaccount1";

    [Fact]
    public async Task Publish_StorageUnreachable_NamesTheEndpointAndTheRetrySetting()
    {
        var error = await PublishAsync($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint={Endpoint};");

        Assert.Equal(0, error.Status);
        Assert.Contains($"Storage at {Endpoint}", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("Syndication:Storage:MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientOptions", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_StorageUnreachableWithASas_NeverShowsTheSignature()
    {
        var error = await PublishAsync($"BlobEndpoint={Endpoint};SharedAccessSignature=sv=2024-08-04&ss=b&srt=sco&sp=rwdlac&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D");

        Assert.Contains($"Storage at {Endpoint}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _feeds.Dispose();

    private async Task<StorageException> PublishAsync(string connectionString)
    {
        var options = new SyndicationOptions
        {
            FeedsPath = _feeds.Path,
            Storage = new StorageOptions { ConnectionString = connectionString, MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) },
        };

        return await Assert.ThrowsAsync<StorageException>(() => TestPublisher.Create(options, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken));
    }

    // A port just released by a listener of our own: nothing listens on it while the test runs.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
