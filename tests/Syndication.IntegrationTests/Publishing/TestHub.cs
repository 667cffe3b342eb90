using System.Collections.Concurrent;
using System.Net;

namespace Syndication.Tests.Publishing;

/// <summary>A WebSub hub on a free loopback port that records the notifications it receives.</summary>
internal sealed class TestHub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failuresLeft;

    public TestHub()
    {
        Url = new Uri($"http://127.0.0.1:{Syndication.Testing.LoopbackPorts.Next()}/hub/");

        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string Mode, List<string> Urls, bool Succeeded)> Calls { get; private set; } = new();

    public int FailuresLeft
    {
        set => _failuresLeft = value;
    }

    public void Dispose()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        _listener.Close();
        // The loop ends once the listener is closed; a fault in it fails the test here rather than going unseen.
        _loop.GetAwaiter().GetResult();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var form = (await reader.ReadToEndAsync()).Split('&')
                .Select(p => p.Split('=', 2))
                .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p[1].Replace('+', ' '))))
                .ToList();
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            Calls.Enqueue((form.Single(p => p.Key == "hub.mode").Value, [.. form.Where(p => p.Key == "hub.url").Select(p => p.Value)], !fail));
            context.Response.StatusCode = fail ? 503 : 204;
            context.Response.Close();
        }
    }
}
