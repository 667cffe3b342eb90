using System.Net;
using Syndication.Testing;

namespace Syndication.Tests.Storage;

/// <summary>The tests' own Azurite starter: it returns only once Azurite itself answers on the port.</summary>
public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task StartAsync_OnAPortAnotherServerHolds_FailsInsteadOfReturningTheWrongServer()
    {
        var port = LoopbackPorts.Next();
        using var other = new HttpListener();
        other.Prefixes.Add($"http://127.0.0.1:{port}/");
        other.Start();
        var answering = Task.Run(async () =>
        {
            while (other.IsListening)
            {
                try
                {
                    var context = await other.GetContextAsync();
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        }, TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(RepositoryPaths.Root, port, location: null));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        other.Stop();
        await answering;
    }

    [Fact]
    public async Task StartAsync_OnAFreePort_ReturnsARunningAzurite()
    {
        var port = LoopbackPorts.Next();
        var azurite = await AzuriteProcess.StartAsync(RepositoryPaths.Root, port, location: null);
        try
        {
            Assert.False(azurite.HasExited);
        }
        finally
        {
            await AzuriteProcess.StopAsync(azurite);
        }
    }

    [Fact]
    public void Next_GivesDistinctPortsBelowTheEphemeralRange()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => LoopbackPorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20_000, 32_767));
    }
}
