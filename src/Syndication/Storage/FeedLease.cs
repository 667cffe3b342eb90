using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Syndication.Storage;

/// <summary>
/// A lease on a feed held by one publisher at a time, so that several workers sharing an account never write the
/// same feed at once. It renews itself while held; if a renewal fails (the lease was lost), <see cref="Lost"/> is
/// cancelled and the holder stops writing. A crashed holder's lease expires after <see cref="Duration"/>.
/// </summary>
internal sealed class FeedLease : IFeedLock
{
    /// <summary>How long a lease lasts without renewal (storage allows 15 to 60 seconds).</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly BlobLeaseClient _client;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _timeProvider;
    private readonly Task _renewal;

    private FeedLease(BlobLeaseClient client, TimeProvider timeProvider)
    {
        _client = client;
        _timeProvider = timeProvider;
        _renewal = RenewAsync();
    }

    /// <summary>Cancelled when the lease could not be renewed: another worker may now hold the feed.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease of <paramref name="feed"/>, or returns <see langword="null"/> when another publisher holds it.</summary>
    /// <param name="container">The private state container.</param>
    /// <param name="scope">The published container's name, as in the state's blob names.</param>
    /// <param name="feed">The feed.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <param name="timeProvider">
    /// The clock that times renewals; the default, the system clock, is the one storage expires leases by, so only
    /// tests give another.
    /// </param>
    public static async Task<FeedLease?> TryAcquireAsync(BlobContainerClient container, string scope, string feed, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        var blob = container.GetBlobClient($"{scope}/{feed}/lease");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lease blob exists (409 BlobAlreadyExists, or 412 while another holder's lease is on it).
        }

        var client = blob.GetBlobLeaseClient();
        try
        {
            await client.AcquireAsync(Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new FeedLease(client, timeProvider ?? TimeProvider.System);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null; // LeaseAlreadyPresent: another publisher is writing this feed.
        }
    }

    /// <summary>Releases the lease, so the next publisher need not wait for it to expire.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewal.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await _client.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Already lost or expired: nothing to give back.
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            // Not the publisher's clock: the lease expires in storage by the real clock, whatever clock the publisher is given.
            await Task.Delay(Duration / 3, _timeProvider, _stop.Token).ConfigureAwait(false);
            try
            {
                await _client.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
