using Azure.Identity;
using Azure.Storage.Queues;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Sources;

/// <summary>
/// Creates the queue service client of the inbox's event queue (<see cref="SourceOptions.Queue"/>) from the same
/// <see cref="StorageOptions"/> as the blob client, and says at start what keeps it from being made.
/// </summary>
internal static class QueueServiceClientFactory
{
    /// <summary>The longest queue name that leaves room for the poison queue's <c>-poison</c>.</summary>
    public const int MaxQueueNameLength = 63 - 7;

    /// <summary>
    /// A client authenticated as the blob client is: by the connection string when one is set (its queue endpoint), else
    /// by <see cref="DefaultAzureCredential"/> against the queue endpoint of <see cref="StorageOptions.ServiceUri"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither gives a queue endpoint.</exception>
    public static QueueServiceClient Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = BlobServiceClientFactory.WithRetries(new QueueClientOptions(), options);
        // Messages are decoded by the source, which can then set aside one that is not Base64 instead of failing the receive.
        clientOptions.MessageEncoding = QueueMessageEncoding.None;

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new QueueServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.ServiceUri is not null && QueueEndpointOf(options.ServiceUri) is { } endpoint)
        {
            return new QueueServiceClient(endpoint, new DefaultAzureCredential(), clientOptions);
        }

        throw new InvalidOperationException(
            "No queue endpoint is configured: set Syndication:Storage:ConnectionString, or Syndication:Storage:ServiceUri as https://<account>.blob.<suffix>.");
    }

    /// <summary>What is wrong with the event queue's settings, each failure naming its key.</summary>
    public static IEnumerable<string> Failures(SyndicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = SyndicationOptions.SectionName;
        if (options.Source.Queue is not { } queue)
        {
            yield break;
        }

        if (options.Source.Container is null)
        {
            yield return $"{Section}:Source:Queue is only used with {Section}:Source:Container: its events are the container's.";
        }

        if (queue.Length > MaxQueueNameLength)
        {
            yield return $"{Section}:Source:Queue '{queue}' is longer than {MaxQueueNameLength} characters: '{queue}-poison', where unusable messages go, would not be a valid queue name.";
        }

        var storage = options.Storage;
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            if (BlobServiceClientFactory.IsConnectionString(storage.ConnectionString) && !HasQueueEndpoint(storage.ConnectionString))
            {
                // The value is never repeated: it holds a key.
                yield return $"{Section}:Storage:ConnectionString has no queue endpoint, which {Section}:Source:Queue needs: add QueueEndpoint=… (or use an account key connection string).";
            }
        }
        else if (storage.ServiceUri is { } service && WebUrlLike(service) && QueueEndpointOf(service) is null)
        {
            yield return $"{Section}:Source:Queue needs the queue endpoint, which {Section}:Storage:ServiceUri '{service}' does not give: " +
                "use https://<account>.blob.<suffix>, or a connection string with a QueueEndpoint.";
        }
    }

    /// <summary>The queue endpoint of the account whose blob endpoint is <paramref name="blobEndpoint"/> (<c>.blob.</c> becomes <c>.queue.</c>), if it has that form.</summary>
    public static Uri? QueueEndpointOf(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        var host = blobEndpoint.Host;
        var at = host.IndexOf(".blob.", StringComparison.OrdinalIgnoreCase);
        return at <= 0 ? null : new UriBuilder(blobEndpoint) { Host = string.Concat(host.AsSpan(0, at), ".queue.", host.AsSpan(at + 6)) }.Uri;
    }

    private static bool HasQueueEndpoint(string connectionString)
    {
        try
        {
            // A connection string that names other endpoints only gives a client without one.
            return new QueueServiceClient(connectionString).Uri is { IsAbsoluteUri: true };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // A malformed ServiceUri is reported by the storage checks already.
    private static bool WebUrlLike(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
