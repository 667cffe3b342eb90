using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>Creates the blob service client from <see cref="StorageOptions"/>.</summary>
internal static class BlobServiceClientFactory
{
    /// <summary>
    /// A client authenticated by the connection string when one is set, otherwise by <see cref="DefaultAzureCredential"/>
    /// (managed identity, workload identity, environment, Azure CLI) against <see cref="StorageOptions.ServiceUri"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is set.</exception>
    public static BlobServiceClient Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = WithRetries(new BlobClientOptions(), options);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.ServiceUri is not null)
        {
            return new BlobServiceClient(options.ServiceUri, new DefaultAzureCredential(), clientOptions);
        }

        throw new InvalidOperationException(
            "No storage account is configured: set Syndication:Storage:ConnectionString or Syndication:Storage:ServiceUri.");
    }

    /// <summary>
    /// The retry policy of every storage client (blobs, and the inbox's queue): exponential from 0.5 s to 10 s, with
    /// <see cref="StorageOptions.MaxRetries"/> and <see cref="StorageOptions.NetworkTimeout"/>.
    /// </summary>
    internal static T WithRetries<T>(T clientOptions, StorageOptions options)
        where T : ClientOptions
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(500);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return clientOptions;
    }

    /// <summary>Whether the storage client accepts <paramref name="value"/> as a connection string.</summary>
    public static bool IsConnectionString(string value)
    {
        try
        {
            _ = new BlobServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
