using Azure;

namespace Syndication.Storage;

/// <summary>The one place where the Azure SDK's failures become <see cref="StorageException"/>: every blob store's entry points go through it.</summary>
internal static class StorageErrors
{
    /// <summary>Runs <paramref name="request"/>, turning a storage failure about <paramref name="resource"/> into a <see cref="StorageException"/>.</summary>
    public static async Task<T> TranslateAsync<T>(string resource, Func<Task<T>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new StorageException(resource, e.Status, e.ErrorCode, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException))
        {
            // The client gave up after its retries; each attempt failed to reach storage.
            var last = (RequestFailedException)e.InnerExceptions[^1];
            throw new StorageException(resource, last.Status, last.ErrorCode, e);
        }
    }

    /// <inheritdoc cref="TranslateAsync{T}(string, Func{Task{T}})"/>
    public static Task TranslateAsync(string resource, Func<Task> request) =>
        TranslateAsync(resource, async () =>
        {
            await request().ConfigureAwait(false);
            return true;
        });
}
