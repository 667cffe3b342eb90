using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Syndication.Tests.Faults;

/// <summary>
/// A loopback TCP proxy in front of Azurite that, while faults are on, answers every request with a chosen HTTP
/// status (500, 503, or 429 with Retry-After) instead of forwarding it, and counts what it injected.
/// </summary>
internal sealed class FaultProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private volatile int _faultStatus;
    private int _injected;

    public FaultProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Answers every new request with <paramref name="status"/> (0 stops the faults); open connections are dropped so clients reconnect.</summary>
    public void Fail(int status)
    {
        _faultStatus = status;
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        _open[client] = 0;
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                if (_faultStatus is int status and > 0)
                {
                    await ReadHeadAsync(stream);
                    Interlocked.Increment(ref _injected);
                    var reason = status switch { 429 => "Too Many Requests", 503 => "Service Unavailable", _ => "Internal Server Error" };
                    var retryAfter = status is 429 or 503 ? "Retry-After: 1\r\n" : string.Empty;
                    var response = $"HTTP/1.1 {status} {reason}\r\n{retryAfter}x-ms-error-code: ServerBusy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                    return;
                }

                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _target);
                var target = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(target), target.CopyToAsync(stream));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // A dropped connection: the client sees a network error and retries.
        }
        finally
        {
            _open.TryRemove(client, out _);
        }
    }

    private static async Task ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
