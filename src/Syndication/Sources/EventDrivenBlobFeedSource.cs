using Microsoft.Extensions.Logging;
using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>
/// The blob inbox told of its changes by Blob Storage events (<c>Syndication:Source:Queue</c>): a run lists nothing.
/// It keeps the listing of the last run (<see cref="InboxListing"/>) and applies to it the blobs the events name;
/// the first run of a process, and one every <c>ReconcileInterval</c>, list the container in full, which catches
/// whatever the events missed.
/// </summary>
/// <remarks>
/// <para>
/// <b>Each blob an event names is looked at (one HEAD), and its properties are what count, not the event's.</b>
/// Events come late, twice, or out of order, and a listing has no sequencer to compare theirs with: a look at the blob
/// now is exact whatever the order, gives the MD5 a listing gives (so the fingerprint is the same either way), and
/// costs one request per changed blob. A blob already known at the version the event names is not looked at, so a
/// duplicate costs nothing.
/// </para>
/// <para>
/// <b>Several workers.</b> A queue message goes to one worker, yet every worker publishes whichever feed it holds the
/// lease of: a worker that never heard of a change would publish the feed without it, older than the worker before
/// it. So what any worker learns goes to the <see cref="InboxJournal"/> before it publishes from it (the events it
/// received; a version a look or a listing found that nobody had told; that it publishes from a first listing of its
/// own), and every worker reads the journal at the start of each run and again once it holds a feed's lease, looking
/// at the blobs it names. Once it holds the lease, a worker therefore knows every version any worker published, as
/// it did when it listed the feed's folder; when another worker published from a listing of its own, whose versions
/// nobody told, it lists the folders of the feeds it writes, and the container at its next run.
/// </para>
/// <para>
/// <b>At least once.</b> Messages are received hidden for longer than a run, and deleted by
/// <see cref="CompleteRunAsync"/> only after the publisher published their feeds; those of a feed that failed are
/// shown again at once, and those of a run that failed as a whole come back when the timeout ends. Applying one
/// again changes nothing.
/// </para>
/// </remarks>
internal sealed class EventDrivenBlobFeedSource : IFeedSource, IDisposable
{
    private readonly BlobFeedSource _blobs;
    private readonly InboxListing _listing;
    private readonly InboxQueue _queue;
    private readonly InboxJournal? _journal;
    private readonly TimeProvider _time;
    private readonly TimeSpan _reconcileInterval;
    private readonly InboxQueueLimits _limits;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<ReceivedMessage> _used = [];
    private JournalPosition _position;
    private DateTimeOffset _listedAt;
    // Another worker published from a listing of its own, or this one lost its place in the journal: what it knows may be older than what was published.
    private bool _stale;
    // This worker listed the container at its first run and has not told the others yet.
    private bool _announce;
    private bool _prepared;
    private bool _read;

    /// <param name="blobs">The inbox, reading its folders from <paramref name="listing"/>.</param>
    /// <param name="listing">The listing kept between runs.</param>
    /// <param name="queue">The event queue.</param>
    /// <param name="journal">What the workers sharing the queue tell each other; <see langword="null"/> for a process alone (documents in a local folder).</param>
    /// <param name="time">The clock of the reconciliation.</param>
    /// <param name="reconcileInterval">How often the container is listed in full.</param>
    /// <param name="limits">The fixed limits.</param>
    /// <param name="logger">Where the queue's and the listing's events go.</param>
    public EventDrivenBlobFeedSource(BlobFeedSource blobs, InboxListing listing, InboxQueue queue, InboxJournal? journal, TimeProvider time, TimeSpan reconcileInterval,
        InboxQueueLimits limits, ILogger logger)
    {
        (_blobs, _listing, _queue, _journal, _time, _reconcileInterval, _limits, _logger) = (blobs, listing, queue, journal, time, reconcileInterval, limits, logger);
    }

    /// <inheritdoc/>
    public string Location => _blobs.Location;

    /// <inheritdoc/>
    public async Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        await PrepareRunAsync(cancellationToken).ConfigureAwait(false);
        _prepared = true;
        return await _blobs.FingerprintAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_prepared)
        {
            await PrepareRunAsync(cancellationToken).ConfigureAwait(false);
        }

        (_prepared, _read) = (false, true);
        return await _blobs.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Called once the feed's lease is held: first catches up with what the other workers published.</remarks>
    public async Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_announce && _journal is not null)
            {
                // Before the first feed written from the first listing: the others cannot know what it showed.
                await _journal.AppendAsync([], listed: true, cancellationToken).ConfigureAwait(false);
                _announce = false;
            }

            await CatchUpAsync(name, [], 0, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return await _blobs.ReadFeedAsync(name, diagnostics, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<ReadOnlyMemory<byte>?> ReadBytesAsync(string feed, string fileName, string contentHash, CancellationToken cancellationToken) =>
        _blobs.ReadBytesAsync(feed, fileName, contentHash, cancellationToken);

    /// <inheritdoc/>
    public Task CompleteRunAsync(IReadOnlyCollection<string> failedFeeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failedFeeds);
        if (!_read)
        {
            // The publisher reads only when the fingerprint differs from every feed's last publication: this listing
            // is what was published, and the others were told of it by whoever published it.
            _announce = false;
        }

        var used = Interlocked.Exchange(ref _used, []);
        return used.Count == 0 ? Task.CompletedTask : _queue.CompleteAsync(used, failedFeeds.ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Brings the listing up to date for a run: from the events and the journal, or by a listing in full.</summary>
    private async Task PrepareRunAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The messages of a run that never completed (it failed) are not settled here: they come back by themselves.
            (_used, _read) = ([], false);
            if (!_listing.IsLoaded)
            {
                // The queue is left alone: a process that runs once (publish, validate, a dry run) takes no message.
                await ListInFullAsync("the first run of the process", cancellationToken).ConfigureAwait(false);
                _announce = _journal is not null;
                return;
            }

            var batch = await _queue.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (_journal is not null && batch.Changes.Count > 0)
            {
                await _journal.AppendAsync(batch.Changes, listed: false, cancellationToken).ConfigureAwait(false);
            }

            await _queue.SetAsideAsync(batch, cancellationToken).ConfigureAwait(false);
            await _queue.DeleteIgnoredAsync(batch, cancellationToken).ConfigureAwait(false);
            _used = batch.Used;

            if (_time.GetUtcNow() - _listedAt >= _reconcileInterval)
            {
                // Whatever the messages told, the listing shows (they were sent before it): they are deleted all the same after the run.
                await ListInFullAsync($"the reconciliation, every {_reconcileInterval}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CatchUpAsync(null, batch.Changes, batch.Used.Count + batch.Poison.Count, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies what the journal (or, alone, <paramref name="received"/>) tells since the last catch-up; lists instead
    /// (<paramref name="feed"/>'s folder, or the container) when that cannot be trusted or is too much to look at.
    /// </summary>
    private async Task CatchUpAsync(string? feed, IReadOnlyList<InboxChange> received, int messages, CancellationToken cancellationToken)
    {
        var records = received;
        if (_journal is not null)
        {
            var read = await _journal.ReadAsync(_position, cancellationToken).ConfigureAwait(false);
            _position = read.Lost ? await _journal.EndAsync(cancellationToken).ConfigureAwait(false) : read.Position;
            _stale |= read.Lost || read.Listed;
            records = read.Changes;
        }

        // The last version told of each blob; only those known at another version are looked at.
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            latest[record.Name] = record.Version;
        }

        List<InboxChange> unknown = [.. latest.Where(told => _listing.VersionOf(told.Key) != told.Value).Select(told => new InboxChange(told.Key, told.Value))];
        if (_stale || unknown.Count > _limits.MaxChecks)
        {
            var reason = _stale ? "another worker published from a listing of its own, or the journal was cut short" : $"{unknown.Count} blobs changed, more than {_limits.MaxChecks}";
            if (feed is null)
            {
                await ListInFullAsync(reason, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ListFeedAsync(feed, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var found = new SourceFile?[unknown.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, unknown.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _limits.Parallelism, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await _blobs.ProbeAsync(unknown[i].Name, token).ConfigureAwait(false)).ConfigureAwait(false);

        // A version nobody told (written since its event, or an event lost): told now, before anything is published from it.
        var untold = new List<InboxChange>();
        for (var i = 0; i < unknown.Count; i++)
        {
            _listing.Set(unknown[i].Name, found[i]);
            var version = found[i]?.Stamp ?? InboxChange.Absent;
            if (version != unknown[i].Version)
            {
                untold.Add(new InboxChange(unknown[i].Name, version));
            }
        }

        if (_journal is not null && untold.Count > 0)
        {
            await _journal.AppendAsync(untold, listed: false, cancellationToken).ConfigureAwait(false);
        }

        if (records.Count > 0)
        {
            InboxLog.Applied(_logger, messages, records.Count, unknown.Count, found.Count(file => file is not null));
        }
    }

    /// <summary>Lists the container in full, telling the others what the listing showed that they may not know.</summary>
    private async Task ListInFullAsync(string reason, CancellationToken cancellationToken)
    {
        // Where the journal ends before the listing: whatever is written after, the listing may not show.
        var end = _journal is null ? default : await _journal.EndAsync(cancellationToken).ConfigureAwait(false);
        var changes = _listing.Load(await _blobs.ListContainerAsync(null, cancellationToken).ConfigureAwait(false), feed: null);
        (_position, _listedAt, _stale) = (end, _time.GetUtcNow(), false);
        if (_journal is not null && changes.Count > 0)
        {
            // Too many to look at one by one: the others list too.
            var many = changes.Count > _limits.MaxChecks;
            await _journal.AppendAsync(many ? [] : changes, listed: many, cancellationToken).ConfigureAwait(false);
        }

        InboxLog.ListedInFull(_logger, _blobs.ContainerName, _listing.Count, changes.Count, reason);
    }

    /// <summary>Lists one feed's folder (its lease held), telling the others what it showed that they may not know.</summary>
    private async Task ListFeedAsync(string feed, CancellationToken cancellationToken)
    {
        var changes = _listing.Load(await _blobs.ListContainerAsync(feed, cancellationToken).ConfigureAwait(false), feed);
        if (_journal is not null && changes.Count > 0)
        {
            await _journal.AppendAsync(changes, listed: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
