using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Syndication.Storage;

namespace Syndication.Sources;

/// <summary>
/// The queue to which Event Grid delivers the inbox container's blob events: received each run, each message hidden
/// from the other workers until the run that used it has published (then deleted) or failed (then shown again).
/// </summary>
/// <remarks>
/// A message that cannot be read, or that was delivered more than <see cref="InboxQueueLimits.MaxDeliveries"/>
/// times, is copied as it is to <c>&lt;queue&gt;-poison</c> and deleted, with its id and the reason in the log:
/// never lost, never retried forever. One about another container, another kind of event, or a blob no feed reads
/// is deleted at once.
/// </remarks>
internal sealed class InboxQueue(QueueClient queue, QueueClient poison, string container, InboxQueueLimits limits, ILogger logger)
{
    // At most 32 messages come with one receive.
    private const int ReceiveBatch = 32;
    private bool _poisonReady;

    /// <summary>The queue's name.</summary>
    public string Name => queue.Name;

    /// <summary>Receives the waiting messages (up to <see cref="InboxQueueLimits.MaxMessagesPerRun"/>) and sorts them.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public async Task<InboxBatch> ReceiveAsync(CancellationToken cancellationToken)
    {
        var batch = new InboxBatch();
        var received = 0;
        while (received < limits.MaxMessagesPerRun)
        {
            var count = Math.Min(ReceiveBatch, limits.MaxMessagesPerRun - received);
            var messages = await StorageErrors.TranslateAsync(queue.Uri, queue.Name,
                async () => (await queue.ReceiveMessagesAsync(count, limits.VisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value).ConfigureAwait(false);
            foreach (var message in messages)
            {
                Sort(message, batch);
            }

            received += messages.Length;
            if (messages.Length < count)
            {
                break;
            }
        }

        return batch;
    }

    /// <summary>Deletes the messages that told of nothing a feed reads.</summary>
    public Task DeleteIgnoredAsync(InboxBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Parallel.ForEachAsync(batch.Ignored, Options(cancellationToken), async (ignored, token) =>
        {
            InboxLog.Ignored(logger, ignored.Message.MessageId, ignored.Reason);
            await SettleAsync(ignored.Message, release: false, token).ConfigureAwait(false);
        });
    }

    /// <summary>Moves the poison messages to the poison queue: a copy of each first, then the original deleted.</summary>
    public async Task SetAsideAsync(InboxBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (message, reason) in batch.Poison)
        {
            try
            {
                await StorageErrors.TranslateAsync(poison.Uri, poison.Name, async () =>
                {
                    if (!_poisonReady)
                    {
                        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                        _poisonReady = true;
                    }

                    // The text as it came, so that it can be read, fixed or sent back as it is; kept until someone removes it.
                    await poison.SendMessageAsync(message.MessageText, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            catch (StorageException e)
            {
                InboxLog.NotSetAside(logger, e, message.MessageId, poison.Name, reason, e.Message);
                continue; // left where it is: it comes back, and is set aside then
            }

            InboxLog.SetAside(logger, message.MessageId, queue.Name, poison.Name, reason);
            await SettleAsync(message, release: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends a run: deletes the messages it used, except those about a feed in <paramref name="failedFeeds"/>, which are
    /// shown again at once for the next run. A message that cannot be settled is logged and comes back by itself.
    /// </summary>
    public Task CompleteAsync(IReadOnlyList<ReceivedMessage> used, IReadOnlySet<string> failedFeeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(failedFeeds);
        return Parallel.ForEachAsync(used, Options(cancellationToken),
            async (received, token) => await SettleAsync(received.Message, received.Feeds.Overlaps(failedFeeds), token).ConfigureAwait(false));
    }

    private void Sort(QueueMessage message, InboxBatch batch)
    {
        var events = BlobEvent.Parse(message.MessageText ?? string.Empty, out var unreadable);
        if (events is null)
        {
            batch.Poison.Add((message, unreadable));
            return;
        }

        var changes = new List<InboxChange>();
        foreach (var blobEvent in events)
        {
            if (ChangeOf(blobEvent) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count == 0)
        {
            batch.Ignored.Add((message, ReasonIgnored(events[0])));
            return;
        }

        // Applied all the same: its change reaches the journal before the message goes.
        batch.Changes.AddRange(changes);
        if (message.DequeueCount > limits.MaxDeliveries)
        {
            batch.Poison.Add((message, $"delivered {message.DequeueCount} times, more than {limits.MaxDeliveries}, without a run that published its feed"));
        }
        else
        {
            batch.Used.Add(new ReceivedMessage(message, changes.Select(change => change.Name[..change.Name.IndexOf('/', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal)));
        }
    }

    private InboxChange? ChangeOf(BlobEvent blobEvent) =>
        blobEvent is { Container: { } eventContainer, Name: { } name } && eventContainer == container && InboxListing.Matters(name)
            ? blobEvent.Type switch
            {
                // The event's ETag is only what it was then: the blob is looked at before anything is published from it.
                BlobEvent.Created => new InboxChange(name, blobEvent.ETag?.Trim('"') ?? "?"),
                BlobEvent.Deleted => new InboxChange(name, InboxChange.Absent),
                _ => null,
            }
            : null;

    private string ReasonIgnored(BlobEvent blobEvent) => blobEvent switch
    {
        { Type: not (BlobEvent.Created or BlobEvent.Deleted) } => $"event {blobEvent.Id} is a {blobEvent.Type}",
        { Container: null } => $"event {blobEvent.Id} is not about a blob",
        { Container: var other } when other != container => $"event {blobEvent.Id} is about container '{other}', not '{container}'",
        _ => $"event {blobEvent.Id} is about '{blobEvent.Name}', which no feed reads",
    };

    /// <summary>Deletes a message, or shows it again at once (<paramref name="release"/>).</summary>
    private async Task SettleAsync(QueueMessage message, bool release, CancellationToken cancellationToken)
    {
        try
        {
            if (release)
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Delivered again since (its run outlasted the visibility timeout) or already gone: whoever holds it now settles it.
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            var reason = e is RequestFailedException { Status: > 0 } failed ? $"storage answered {failed.Status} {failed.ErrorCode}".TrimEnd() : e.Message.Split('\n', 2)[0];
            InboxLog.NotSettled(logger, release ? "show again" : "delete", message.MessageId, reason);
        }
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = limits.Parallelism, CancellationToken = cancellationToken };
}
