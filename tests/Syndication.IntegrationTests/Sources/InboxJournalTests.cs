using Azure.Storage.Blobs;
using Syndication.Sources;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>The journal the workers sharing an event queue write and read, on Azurite, with segments made small.</summary>
public sealed class InboxJournalTests(AzuriteFixture azurite)
{
    private readonly BlobContainerClient _state = azurite.CreateClient().GetBlobContainerClient(AzuriteFixture.NewContainerName());

    private InboxJournal Journal(int segmentBlocks) => new(_state, "inbox", "events", segmentBlocks);

    private static InboxChange Change(int i) => new($"desk/{i:D3}.txt", $"0x{i:X}");

    [Fact]
    public async Task Appends_AreReadInOrderByAnotherWorker_AcrossFullSegments()
    {
        var ct = TestContext.Current.CancellationToken;
        var (writer, reader) = (Journal(segmentBlocks: 2), Journal(segmentBlocks: 2));
        var start = await reader.EndAsync(ct);
        for (var i = 1; i <= 5; i++)
        {
            await writer.AppendAsync([Change(i)], listed: false, ct);
        }

        var first = await reader.ReadAsync(start, ct);
        await writer.AppendAsync([Change(6), Change(7)], listed: false, ct);
        var second = await reader.ReadAsync(first.Position, ct);
        var nothing = await reader.ReadAsync(second.Position, ct);

        Assert.Equal(Enumerable.Range(1, 5).Select(Change), first.Changes);
        // Five blocks: two full segments and one block of the third.
        Assert.Equal(new JournalPosition(2, InboxJournal.BlockBytes), first.Position);
        Assert.Equal([Change(6), Change(7)], second.Changes);
        Assert.Equal(new JournalPosition(3, 0), second.Position);
        Assert.Empty(nothing.Changes);
        Assert.False(first.Lost || second.Lost || nothing.Lost || first.Listed);
    }

    [Fact]
    public async Task ManyChanges_TakeAsManyBlocksAsTheyNeed_AndComeBackWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        var journal = Journal(segmentBlocks: 3);
        // About 21 bytes a line: 600 lines need four blocks of 4,096 bytes, more than a segment of three.
        List<InboxChange> changes = [.. Enumerable.Range(1, 600).Select(Change)];

        await journal.AppendAsync(changes, listed: false, ct);
        var read = await Journal(segmentBlocks: 3).ReadAsync(new JournalPosition(0, 0), ct);

        Assert.Equal(changes, read.Changes);
    }

    [Fact]
    public async Task ListedMarker_IsReadByTheOthers_NotByItsWriter()
    {
        var ct = TestContext.Current.CancellationToken;
        var (writer, other) = (Journal(segmentBlocks: 2), Journal(segmentBlocks: 2));

        await writer.AppendAsync([], listed: true, ct);

        Assert.False((await writer.ReadAsync(new JournalPosition(0, 0), ct)).Listed);
        Assert.True((await other.ReadAsync(new JournalPosition(0, 0), ct)).Listed);
    }

    [Fact]
    public async Task End_IsAfterEverythingWritten_AndNothingIsReadFromThere()
    {
        var ct = TestContext.Current.CancellationToken;
        var journal = Journal(segmentBlocks: 2);
        for (var i = 1; i <= 3; i++)
        {
            await journal.AppendAsync([Change(i)], listed: false, ct);
        }

        var end = await Journal(segmentBlocks: 2).EndAsync(ct);
        var read = await Journal(segmentBlocks: 2).ReadAsync(end, ct);

        Assert.Equal(new JournalPosition(1, InboxJournal.BlockBytes), end);
        Assert.Empty(read.Changes);
        Assert.False(read.Lost);
    }

    [Fact]
    public async Task ReaderWhoseSegmentWasDeleted_IsToldItsPlaceIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = Journal(segmentBlocks: 2);
        await writer.AppendAsync([Change(1)], listed: false, ct);
        var reader = Journal(segmentBlocks: 2);
        var behind = (await reader.ReadAsync(new JournalPosition(0, 0), ct)).Position;

        // Segment 3 is made at the seventh block: segment 0 then goes.
        for (var i = 2; i <= 7; i++)
        {
            await writer.AppendAsync([Change(i)], listed: false, ct);
        }

        var read = await reader.ReadAsync(behind, ct);

        Assert.Equal(new JournalPosition(0, InboxJournal.BlockBytes), behind);
        Assert.True(read.Lost);
        Assert.False(await _state.GetBlobClient(".inbox/inbox/events/000000").ExistsAsync(ct));
    }
}
