using Azure;
using Azure.Storage.Blobs;

namespace Syndication.Storage;

/// <summary>The one place where the Azure SDK's failures become <see cref="StorageException"/>: every blob store's entry points go through it.</summary>
internal static class StorageErrors
{
    /// <summary>
    /// Runs <paramref name="request"/>, turning a storage failure about <paramref name="resource"/> into a
    /// <see cref="StorageException"/> that names the account at <paramref name="endpoint"/> (a container's or the
    /// service's URL) and how many attempts were made.
    /// </summary>
    public static async Task<T> TranslateAsync<T>(Uri endpoint, string resource, Func<Task<T>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new StorageException(resource, e.Status, e.ErrorCode, e, AccountOf(endpoint), attempts: 1);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException))
        {
            // The client gave up after its retries: each attempt failed, and the last says why.
            var last = (RequestFailedException)e.InnerExceptions[^1];
            throw new StorageException(resource, last.Status, last.ErrorCode, e, AccountOf(endpoint), e.InnerExceptions.Count);
        }
    }

    /// <inheritdoc cref="TranslateAsync{T}(Uri, string, Func{Task{T}})"/>
    public static Task TranslateAsync(Uri endpoint, string resource, Func<Task> request) =>
        TranslateAsync(endpoint, resource, async () =>
        {
            await request().ConfigureAwait(false);
            return true;
        });

    /// <summary>The account's blob service URL of <paramref name="endpoint"/>, without a SAS: it may be shown.</summary>
    public static Uri AccountOf(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var account = new BlobUriBuilder(endpoint) { BlobContainerName = string.Empty, BlobName = string.Empty, Sas = null, Snapshot = null, VersionId = null };
        return PublicUri.WithoutQuery(account.ToUri());
    }
}
