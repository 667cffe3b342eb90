using Microsoft.Extensions.Time.Testing;
using Syndication.Sources;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>
/// The event-driven inbox (<c>Syndication:Source:Queue</c>) against Azurite's blob and queue services, the test
/// sending the messages Event Grid would: runs list nothing, apply what the events tell, settle their messages only
/// once published, set poison aside, and workers sharing the queue publish every change.
/// </summary>
public sealed class EventDrivenInboxTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NewArticleAndItsEvent_ArePublishedByARunThatListsNothing()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        Assert.True((await worker.RunAsync()).Succeeded);
        var firstRunListings = worker.Requests.Listings(inbox.Container.Name);

        await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));
        worker.Requests.Requests.Clear();
        var report = await worker.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(1, firstRunListings);
        Assert.Equal(0, worker.Requests.Listings(inbox.Container.Name));
        Assert.Equal(["Story 002", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task DeletedArticleAndItsEvent_RemoveTheArticleWithoutAListing()
    {
        var inbox = await EventInbox.CreateAsync(azurite, articles: 3);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();

        await inbox.DeleteAsync(EventInbox.ArticleName(2));
        worker.Requests.Requests.Clear();
        var report = await worker.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(0, worker.Requests.Listings(inbox.Container.Name));
        Assert.Equal(["Story 003", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task FeedThatFails_ShowsItsMessageAgain_AndTheRunThatPublishesItDeletesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();
        // A state that cannot be read stops its feed, and is left as it is.
        var state = azurite.CreateClient().GetBlobContainerClient(inbox.Published + "-state").GetBlobClient($"{inbox.Published}/{EventInbox.Feed}/state.json");
        var good = (await state.DownloadContentAsync(ct)).Value.Content;
        await state.UploadAsync(BinaryData.FromString("{ not json"), overwrite: true, ct);

        var sent = await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));
        var failed = await worker.RunAsync();
        var waiting = await EventInbox.WaitingAsync(inbox.Queue);
        await state.UploadAsync(good, overwrite: true, ct);
        var published = await worker.RunAsync();

        Assert.False(failed.Succeeded);
        Assert.Equal([sent], waiting); // visible again at once, not only when its timeout ends
        Assert.True(published.Succeeded);
        Assert.Equal(["Story 002", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task RunThatFailsAsAWhole_LeavesItsMessage_WhichComesBackWhenItsTimeoutEnds()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now), new InboxQueueLimits(TimeSpan.FromSeconds(2)));
        await worker.RunAsync();

        var sent = await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));
        // Storage refuses every request for the published container: the run fails before any feed.
        worker.Requests.Fail = (_, path) => path.Contains("/" + inbox.Published, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Syndication.Storage.StorageException>(worker.RunAsync);
        var hidden = await EventInbox.WaitingAsync(inbox.Queue);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var back = await EventInbox.WaitingAsync(inbox.Queue);
        worker.Requests.Fail = null;
        var report = await worker.RunAsync();

        Assert.Empty(hidden);
        Assert.Equal([sent], back);
        Assert.True(report.Succeeded);
        Assert.Equal(["Story 002", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task PoisonMessages_AreSetAsideAsTheyCame_EachLoggedWithItsIdAndReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();

        var event2 = await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));
        // Delivered five times already, as to runs that never completed.
        for (var i = 0; i < 5; i++)
        {
            var message = (await inbox.Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), ct)).Value;
            await inbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct);
        }

        var notBase64 = await inbox.SendAsync("this is no event ~~~");
        var notAnEvent = await inbox.SendAsync(EventGridEvents.Encode("""{ "hello": "world" }"""));
        var report = await worker.RunAsync();

        Assert.True(report.Succeeded);
        var setAside = await EventInbox.WaitingAsync(inbox.Poison);
        string[] sent = ["this is no event ~~~", EventGridEvents.Encode("""{ "hello": "world" }"""), event2];
        Assert.Equal(sent.Order(StringComparer.Ordinal), setAside.Order(StringComparer.Ordinal));
        Assert.Equal(0, await inbox.CountAsync());
        var logged = worker.Log.Entries.Where(e => e.Event.Id == 1070).Select(e => e.Message).ToList();
        Assert.Equal(3, logged.Count);
        Assert.Contains(logged, m => m.Contains(notBase64, StringComparison.Ordinal) && m.Contains("neither Base64 nor JSON", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains(notAnEvent, StringComparison.Ordinal) && m.Contains("not an Event Grid event", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains("delivered 6 times", StringComparison.Ordinal));
        // Set aside, yet applied: its article is published.
        Assert.Equal(["Story 002", "Story 001"], await inbox.TitlesAsync());
    }

    [Fact]
    public async Task EventsAboutOtherContainersOrFilesNoFeedReads_AreDeletedAndChangeNothing()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();
        var blob = inbox.Container.GetBlobClient("x");

        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, "elsewhere", EventInbox.ArticleName(9), "0x1", 10, Now));
        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, inbox.Container.Name, $"{EventInbox.Feed}/pictures/map.png", "0x1", 10, Now));
        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, inbox.Container.Name, $"{EventInbox.Feed}/_draft.txt", "0x1", 10, Now));
        worker.Requests.Requests.Clear();
        var report = await worker.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(0, await inbox.CountAsync());
        Assert.Empty(await EventInbox.WaitingAsync(inbox.Poison));
        Assert.Equal(3, worker.Log.Count(1074));
        // No blob of the inbox was looked at.
        Assert.DoesNotContain(worker.Requests.Requests, r => r.Method == "HEAD" && r.Path.Contains($"/{inbox.Container.Name}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventsForNamesWithDotSegmentsOrBackslashes_AreIgnoredWithoutLookingAtAnyBlob()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();
        var blob = inbox.Container.GetBlobClient("x");

        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, inbox.Container.Name, "../feed.json", "0x1", 10, Now));
        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, inbox.Container.Name, $"{EventInbox.Feed}/../{EventInbox.Feed}/002.txt", "0x1", 10, Now));
        // Storage takes '\' as '/': this names desk/x/../001.txt, not a file of the feed's folder.
        await inbox.SendAsync(EventGridEvents.Created(blob.Uri, inbox.Container.Name, $"{EventInbox.Feed}/x\\..\\001.txt", "0x1", 10, Now));
        worker.Requests.Requests.Clear();
        var report = await worker.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(0, await inbox.CountAsync());
        Assert.Equal(3, worker.Log.Count(1074));
        Assert.DoesNotContain(worker.Requests.Requests, r => r.Method == "HEAD" && r.Path.Contains($"/{inbox.Container.Name}/", StringComparison.Ordinal));
        Assert.Equal(["Story 001"], await inbox.TitlesAsync());
    }

    [Fact]
    public async Task DuplicateAndOutOfOrderEvents_NeitherRegressAnArticleNorBringBackADeletedOne()
    {
        var inbox = await EventInbox.CreateAsync(azurite, articles: 2);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();

        var first = await inbox.WriteAsync(EventInbox.ArticleName(1), EventInbox.Article(1, " (updated)"), tell: false);
        var second = await inbox.WriteAsync(EventInbox.ArticleName(1), EventInbox.Article(1, " (corrected)"), tell: false);
        var created = await inbox.WriteAsync(EventInbox.ArticleName(3), EventInbox.Article(3), tell: false);
        var deleted = await inbox.DeleteAsync(EventInbox.ArticleName(3), tell: false);
        // Newest first, then the older ones, some twice.
        foreach (var message in new[] { second, deleted, first, created, second, first, created, deleted })
        {
            await inbox.SendAsync(message);
        }

        var report = await worker.RunAsync();
        var again = await worker.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(["Story 002", "Story 001 (corrected)"], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
        Assert.Equal(0, again.Feeds.Sum(f => f.Uploaded));
    }

    [Fact]
    public async Task TwoWorkersSharingTheQueue_PublishEveryArticleOnce_EachMessageSettledByOne()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var (a, b) = (inbox.CreateWorker(new FakeTimeProvider(Now)), inbox.CreateWorker(new FakeTimeProvider(Now)));
        await a.RunAsync();
        await b.RunAsync();

        var sent = new List<string>();
        for (var i = 2; i <= 9; i++)
        {
            await inbox.WriteAsync(EventInbox.ArticleName(i), EventInbox.Article(i));
        }

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(a.RunAsync(), b.RunAsync());
        }

        var deletedByA = a.Requests.DeletedMessages(inbox.Queue.Name);
        var deletedByB = b.Requests.DeletedMessages(inbox.Queue.Name);
        Assert.Equal(8, deletedByA.Count + deletedByB.Count);
        Assert.Empty(deletedByA.Intersect(deletedByB));
        Assert.Equal([.. Enumerable.Range(1, 9).Reverse().Select(i => $"Story {i:D3}")], await inbox.TitlesAsync());
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task WorkerThatReceivedNoEvent_StillPublishesWhatAnotherWorkerWasTold()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var (a, b) = (inbox.CreateWorker(new FakeTimeProvider(Now)), inbox.CreateWorker(new FakeTimeProvider(Now)));
        await a.RunAsync();
        await b.RunAsync();

        // B alone receives the event of article 2 and publishes it; A alone that of article 3.
        await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));
        await b.RunAsync();
        await inbox.WriteAsync(EventInbox.ArticleName(3), EventInbox.Article(3));
        a.Requests.Requests.Clear();
        var report = await a.RunAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(["Story 003", "Story 002", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(0, a.Requests.Listings(inbox.Container.Name));
    }

    [Fact]
    public async Task WorkerThatStartsAndPublishesFromItsListing_IsNotUndoneByAWorkerThatNeverHeardOfIt()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var a = inbox.CreateWorker(new FakeTimeProvider(Now));
        await a.RunAsync();

        // Article 2's event is still on its way when worker C starts, lists the container and publishes it.
        await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2), tell: false);
        var c = inbox.CreateWorker(new FakeTimeProvider(Now));
        await c.RunAsync();
        var afterC = await inbox.TitlesAsync();
        await inbox.WriteAsync(EventInbox.ArticleName(3), EventInbox.Article(3));
        await a.RunAsync();

        Assert.Equal(["Story 002", "Story 001"], afterC);
        Assert.Equal(["Story 003", "Story 002", "Story 001"], await inbox.TitlesAsync());
    }

    [Fact]
    public async Task Reconciliation_PublishesABlobWhoseEventWasNeverSent_AtItsInterval()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var time = new FakeTimeProvider(Now);
        var worker = inbox.CreateWorker(time);
        await worker.RunAsync();

        await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2), tell: false);
        time.Advance(TimeSpan.FromHours(23));
        worker.Requests.Requests.Clear();
        await worker.RunAsync();
        var titlesBefore = await inbox.TitlesAsync();
        var listingsBefore = worker.Requests.Listings(inbox.Container.Name);
        time.Advance(TimeSpan.FromHours(1));
        worker.Requests.Requests.Clear();
        await worker.RunAsync();

        Assert.Equal(["Story 001"], titlesBefore);
        Assert.Equal(0, listingsBefore);
        Assert.Equal(1, worker.Requests.Listings(inbox.Container.Name));
        Assert.Equal(["Story 002", "Story 001"], await inbox.TitlesAsync());
        Assert.Equal(1, worker.Log.Count(1071) - 1); // the first run's listing, and the reconciliation's
    }

    [Fact]
    public async Task DryRuns_ListTheInbox_AndLeaveTheQueueAndTheJournalAlone()
    {
        var inbox = await EventInbox.CreateAsync(azurite);
        var worker = inbox.CreateWorker(new FakeTimeProvider(Now));
        await worker.RunAsync();
        var dryRun = inbox.CreateWorker(new FakeTimeProvider(Now), configure: o => o.DryRun = true);
        await dryRun.RunAsync();
        var sent = await inbox.WriteAsync(EventInbox.ArticleName(2), EventInbox.Article(2));

        var report = await dryRun.RunAsync();

        Assert.True(report.DryRun);
        Assert.NotEqual(0, dryRun.Requests.Listings(inbox.Container.Name)); // it reads as without a queue
        Assert.DoesNotContain(dryRun.Requests.Requests, r => r.Path.Contains($"/{inbox.Queue.Name}/messages", StringComparison.Ordinal) || r.Path.Contains("/.inbox/", StringComparison.Ordinal));
        Assert.Equal([sent], await EventInbox.WaitingAsync(inbox.Queue));
        Assert.Equal(["Story 001"], await inbox.TitlesAsync());
    }
}
