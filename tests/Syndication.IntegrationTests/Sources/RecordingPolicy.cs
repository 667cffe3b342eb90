using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Syndication.Tests.Sources;

/// <summary>
/// Records every request a worker's storage clients send (method, path, query), and fails those <see cref="Fail"/>
/// picks with a 503 before they leave: counts taken on the wire, not on a mock of storage.
/// </summary>
internal sealed class RecordingPolicy : HttpPipelinePolicy
{
    public ConcurrentQueue<(string Method, string Path, string Query)> Requests { get; } = new();

    /// <summary>Which requests fail, by method and path; none when <see langword="null"/>.</summary>
    public Func<string, string, bool>? Fail { get; set; }

    /// <summary>How many listings of container <paramref name="container"/> were sent.</summary>
    public int Listings(string container) =>
        Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + container, StringComparison.Ordinal) && r.Query.Contains("comp=list", StringComparison.Ordinal));

    /// <summary>The ids of the messages of <paramref name="queue"/> deleted.</summary>
    public List<string> DeletedMessages(string queue) =>
    [
        .. Requests.Where(r => r.Method == "DELETE" && r.Path.Contains($"/{queue}/messages/", StringComparison.Ordinal))
            .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]),
    ];

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var method = message.Request.Method.ToString();
        Requests.Enqueue((method, uri.AbsolutePath, uri.Query));
        if (Fail?.Invoke(method, uri.AbsolutePath) == true)
        {
            throw new RequestFailedException(503, "Failed by the test", "ServerBusy", null);
        }
    }
}
