using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Syndication.Storage;

namespace Syndication.Sources;

/// <summary>
/// What the workers sharing an event queue tell each other: each blob some worker learnt changed (from an event it
/// received, or a listing or look that found a version nobody had told), and when a worker published from a listing
/// of its own. Append blobs in the private state container, read by every worker from where it last stopped.
/// </summary>
/// <remarks>
/// <para>
/// A queue message goes to one worker, but every worker publishes every feed it holds the lease of: one that never
/// heard of a change would publish the feed without it. So a worker writes what it learns here before it publishes
/// from it, and reads what the others wrote at the start of each run and again once it holds a feed's lease.
/// </para>
/// <para>
/// The journal is a series of segments, <c>.inbox/&lt;container&gt;/&lt;queue&gt;/&lt;n&gt;</c>. Every append is
/// one or more blocks of exactly <see cref="BlockBytes"/> bytes (lines, padded with line breaks), and a segment is
/// full at <c>segmentBlocks</c> blocks, below the 50,000 an append blob can hold: an append that would pass that size
/// is refused by storage (<c>MaxBlobSizeConditionNotMet</c>) and goes to the next segment. As blocks are all the same
/// size, a full segment can take no more, so a reader that read one to its end has missed nothing in it. The segment
/// three before a new one is deleted; a reader that finds its place gone lists the container in full.
/// </para>
/// </remarks>
internal sealed class InboxJournal
{
    /// <summary>The size of every block appended.</summary>
    public const int BlockBytes = 4096;

    /// <summary>The blocks of a full segment.</summary>
    public const int SegmentBlocks = 40_000;

    private const string ChangeLine = "c";
    private const string ListedLine = "l";
    private const int MaxVersionLength = 64;

    // What one turn of an append found.
    private const int Appended = 0;
    private const int Full = 1;
    private const int Missing = 2;

    private readonly BlobContainerClient _state;
    private readonly string _prefix;
    private readonly long _segmentBytes;
    // Tells this worker's own "published from a listing" apart from the others'.
    private readonly string _writer = Guid.NewGuid().ToString("N");
    private int _appendSegment;

    /// <summary>The journal of the events of <paramref name="queue"/> about container <paramref name="inbox"/>, kept in <paramref name="state"/>.</summary>
    public InboxJournal(BlobContainerClient state, string inbox, string queue, int segmentBlocks = SegmentBlocks)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentBlocks, 1);
        (_state, _prefix, _segmentBytes) = (state, $".inbox/{inbox}/{queue}/", (long)segmentBlocks * BlockBytes);
    }

    /// <summary>Where the journal ends now: what a worker that lists the container now need not read.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public Task<JournalPosition> EndAsync(CancellationToken cancellationToken) =>
        StorageErrors.TranslateAsync(_state.Uri, _state.Name + "/" + _prefix, async () =>
        {
            var end = new JournalPosition(0, 0);
            try
            {
                // The segments of one journal are few: the listing of its prefix is one page.
                await foreach (var blob in _state.GetBlobsAsync(new GetBlobsOptions { Prefix = _prefix }, cancellationToken).ConfigureAwait(false))
                {
                    if (int.TryParse(blob.Name.AsSpan(_prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var segment) && segment >= end.Segment)
                    {
                        end = new JournalPosition(segment, blob.Properties.ContentLength ?? 0);
                    }
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No state container yet: nothing was ever written.
            }

            _appendSegment = Math.Max(_appendSegment, end.Segment);
            return end;
        });

    /// <summary>Appends <paramref name="changes"/> and, when <paramref name="listed"/>, that this worker publishes from a listing of its own.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public async Task AppendAsync(IReadOnlyCollection<InboxChange> changes, bool listed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var lines = changes.Select(change => $"{ChangeLine}\t{Sanitized(change.Version)}\t{change.Name}\n");
        if (listed)
        {
            lines = lines.Prepend($"{ListedLine}\t{_writer}\n");
        }

        foreach (var block in Blocks(lines))
        {
            await AppendBlockAsync(block, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What was written after <paramref name="from"/>, and where it ends.</summary>
    /// <exception cref="StorageException">Storage failed.</exception>
    public async Task<JournalRead> ReadAsync(JournalPosition from, CancellationToken cancellationToken)
    {
        var changes = new List<InboxChange>();
        var listed = false;
        var position = from;
        while (true)
        {
            if (position.Offset >= _segmentBytes)
            {
                position = new JournalPosition(position.Segment + 1, 0);
            }

            var at = position;
            var bytes = await StorageErrors.TranslateAsync<byte[]?>(_state.Uri, $"{_state.Name}/{SegmentName(at.Segment)}", async () =>
            {
                try
                {
                    var download = await _state.GetBlobClient(SegmentName(at.Segment))
                        .DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(at.Offset) }, cancellationToken).ConfigureAwait(false);
                    return download.Value.Content.ToArray();
                }
                catch (RequestFailedException e) when (e.Status == 416)
                {
                    return []; // nothing after the offset
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    return at.Offset == 0 ? [] : null; // not written yet, or deleted under the reader
                }
            }).ConfigureAwait(false);

            // Every append is whole blocks: anything else is not this journal's, and the place in it is lost.
            if (bytes is null || bytes.Length % BlockBytes != 0)
            {
                return new JournalRead(changes, listed, position, Lost: true);
            }

            listed |= Parse(bytes, changes);
            position = new JournalPosition(at.Segment, at.Offset + bytes.Length);
            if (bytes.Length == 0 || position.Offset < _segmentBytes)
            {
                return new JournalRead(changes, listed, position, Lost: false);
            }
        }
    }

    /// <summary>The lines of one read: the changes go to <paramref name="changes"/>; whether another worker published from a listing.</summary>
    private bool Parse(byte[] bytes, List<InboxChange> changes)
    {
        var listed = false;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 3);
            if (fields is [ChangeLine, var version, var name] && InboxListing.Matters(name))
            {
                changes.Add(new InboxChange(name, version));
            }
            else if (fields is [ListedLine, var writer] && writer != _writer)
            {
                listed = true;
            }
        }

        return listed;
    }

    private async Task AppendBlockAsync(byte[] block, CancellationToken cancellationToken)
    {
        // Each turn either appends, or learns the segment is full or missing (and makes it): a few turns at most.
        for (var turn = 0; ; turn++)
        {
            var segment = _appendSegment;
            var name = SegmentName(segment);
            var outcome = await StorageErrors.TranslateAsync(_state.Uri, $"{_state.Name}/{name}", async () =>
            {
                var blob = _state.GetAppendBlobClient(name);
                try
                {
                    using var content = new MemoryStream(block, writable: false);
                    await blob.AppendBlockAsync(content, new AppendBlobAppendBlockOptions
                    {
                        Conditions = new AppendBlobRequestConditions { IfMaxSizeLessThanOrEqual = _segmentBytes },
                    }, cancellationToken).ConfigureAwait(false);
                    return Appended;
                }
                catch (RequestFailedException e) when (turn < 8 && e.ErrorCode == BlobErrorCode.MaxBlobSizeConditionNotMet)
                {
                    Interlocked.CompareExchange(ref _appendSegment, segment + 1, segment);
                    return Full;
                }
                catch (RequestFailedException e) when (turn < 8 && e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    await _state.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return Missing;
                }
                catch (RequestFailedException e) when (turn < 8 && e.Status == 404)
                {
                    if (await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is not null && segment >= 3)
                    {
                        // Made it: the oldest segment kept goes, and readers still in it list the container instead.
                        await _state.DeleteBlobIfExistsAsync(SegmentName(segment - 3), cancellationToken: cancellationToken).ConfigureAwait(false);
                    }

                    return Missing;
                }
            }).ConfigureAwait(false);
            if (outcome == Appended)
            {
                return;
            }
        }
    }

    /// <summary>The lines packed into blocks of exactly <see cref="BlockBytes"/>, each line whole in one block.</summary>
    private static List<byte[]> Blocks(IEnumerable<string> lines)
    {
        var blocks = new List<byte[]>();
        var block = new byte[BlockBytes];
        var used = 0;
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (used + bytes.Length > BlockBytes)
            {
                blocks.Add(Padded(block, used));
                (block, used) = (new byte[BlockBytes], 0);
            }

            // A name is at most 1,024 characters, so a line always fits a block.
            bytes.CopyTo(block, used);
            used += bytes.Length;
        }

        if (used > 0)
        {
            blocks.Add(Padded(block, used));
        }

        return blocks;
    }

    private static byte[] Padded(byte[] block, int used)
    {
        block.AsSpan(used).Fill((byte)'\n');
        return block;
    }

    // An event's ETag is the sender's text: kept short and on its line.
    private static string Sanitized(string version) =>
        version.Length <= MaxVersionLength && version.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? version : "?";

    private string SegmentName(int segment) => _prefix + segment.ToString("D6", CultureInfo.InvariantCulture);
}
