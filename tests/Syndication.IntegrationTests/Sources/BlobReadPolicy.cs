using Azure.Core;
using Azure.Core.Pipeline;

namespace Syndication.Tests.Sources;

/// <summary>Sees every download of a blob of one container (a GET that is not a listing) just before it is sent.</summary>
internal sealed class BlobReadPolicy(string container, Action<string> reading) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var prefix = $"/{container}/";
        var at = uri.AbsolutePath.IndexOf(prefix, StringComparison.Ordinal);
        if (message.Request.Method == RequestMethod.Get && at >= 0 && !uri.Query.Contains("comp=list", StringComparison.Ordinal))
        {
            reading(Uri.UnescapeDataString(uri.AbsolutePath[(at + prefix.Length)..]));
        }
    }
}
