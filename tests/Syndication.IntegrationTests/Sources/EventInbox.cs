using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Sources;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>
/// An inbox container with its event queue on Azurite, where the test plays Event Grid: each blob it writes or
/// deletes is followed (unless told not to) by the message Event Grid would send. Workers made here each have their
/// own clients, as separate processes would.
/// </summary>
internal sealed class EventInbox
{
    /// <summary>The feed the tests write to.</summary>
    public const string Feed = "desk";

    private readonly AzuriteFixture _azurite;

    private EventInbox(AzuriteFixture azurite, BlobContainerClient container, QueueClient queue, QueueClient poison, string published)
    {
        (_azurite, Container, Queue, Poison, Published) = (azurite, container, queue, poison, published);
    }

    public BlobContainerClient Container { get; }

    public QueueClient Queue { get; }

    public QueueClient Poison { get; }

    /// <summary>The container the feeds are published to.</summary>
    public string Published { get; }

    /// <summary>A fresh inbox holding feed <see cref="Feed"/> with <paramref name="articles"/> (numbered from 1), written before any worker starts and told by no event.</summary>
    public static async Task<EventInbox> CreateAsync(AzuriteFixture azurite, int articles = 1)
    {
        var ct = TestContext.Current.CancellationToken;
        var name = AzuriteFixture.NewContainerName();
        var container = azurite.CreateClient().GetBlobContainerClient(name);
        await container.CreateAsync(cancellationToken: ct);
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var queue = queues.GetQueueClient(name);
        await queue.CreateAsync(cancellationToken: ct);
        var inbox = new EventInbox(azurite, container, queue, queues.GetQueueClient(name + "-poison"), AzuriteFixture.NewContainerName());
        await inbox.WriteAsync($"{Feed}/feed.json", """{ "title": "Desk", "description": "The desk", "link": "https://news.example.com/desk/", "language": "en", "author": { "name": "Desk" } }""", tell: false);
        for (var i = 1; i <= articles; i++)
        {
            await inbox.WriteAsync(ArticleName(i), Article(i), tell: false);
        }

        return inbox;
    }

    public static string ArticleName(int number) => $"{Feed}/{number:D3}.txt";

    /// <summary>Article <paramref name="number"/>, titled <c>Story &lt;number&gt;</c> and the <paramref name="edition"/> when given.</summary>
    public static string Article(int number, string edition = "") =>
        $"---\npublished: 2026-03-01T{number / 60 % 24:D2}:{number % 60:D2}:00Z\n---\nStory {number:D3}{edition}\n\nWhat happened, part {number}.\n";

    /// <summary>Writes blob <paramref name="name"/>, and sends its <c>BlobCreated</c> event when <paramref name="tell"/>; returns the event's text.</summary>
    public async Task<string> WriteAsync(string name, string text, bool tell = true)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var blob = Container.GetBlobClient(name);
        var written = (await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, TestContext.Current.CancellationToken)).Value;
        var message = EventGridEvents.Created(blob.Uri, Container.Name, name, written.ETag.ToString().Trim('"'), bytes.Length, written.LastModified);
        if (tell)
        {
            await SendAsync(message);
        }

        return message;
    }

    /// <summary>Deletes blob <paramref name="name"/>, and sends its <c>BlobDeleted</c> event when <paramref name="tell"/>; returns the event's text.</summary>
    public async Task<string> DeleteAsync(string name, bool tell = true)
    {
        var blob = Container.GetBlobClient(name);
        await blob.DeleteAsync(cancellationToken: TestContext.Current.CancellationToken);
        var message = EventGridEvents.Deleted(blob.Uri, Container.Name, name, DateTimeOffset.UtcNow);
        if (tell)
        {
            await SendAsync(message);
        }

        return message;
    }

    /// <summary>Sends a message as it is; returns its id.</summary>
    public async Task<string> SendAsync(string text) =>
        (await Queue.SendMessageAsync(text, TestContext.Current.CancellationToken)).Value.MessageId;

    /// <summary>A worker of its own, with <paramref name="limits"/> (by default, messages hidden for a minute) and the settings <paramref name="configure"/> changes.</summary>
    public InboxWorker CreateWorker(TimeProvider time, InboxQueueLimits? limits = null, Action<SyndicationOptions>? configure = null)
    {
        var recorder = new RecordingPolicy();
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var options = _azurite.OptionsFor(Published, "/not/used");
        options.Source.Container = Container.Name;
        options.Source.Queue = Queue.Name;
        options.Storage.MaxRetries = 0;
        configure?.Invoke(options);
        var logger = new ListLogger<FeedPublisher>();
        var publisher = new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddSingleton(time)
            .AddSingleton<Microsoft.Extensions.Logging.ILogger<FeedPublisher>>(logger)
            .AddSingleton(new BlobServiceClient(_azurite.ConnectionString, blobOptions))
            .AddSingleton(new QueueServiceClient(_azurite.ConnectionString, queueOptions))
            .AddSingleton(limits ?? new InboxQueueLimits(TimeSpan.FromMinutes(1)))
            .AddFeedPublishing()
            .BuildServiceProvider()
            .GetRequiredService<FeedPublisher>();
        return new InboxWorker(publisher, recorder, logger);
    }

    /// <summary>The titles of the items of feed <see cref="Feed"/> as published (its JSON Feed), in the feed's order.</summary>
    public async Task<List<string>> TitlesAsync()
    {
        var blob = _azurite.CreateClient().GetBlobContainerClient(Published).GetBlobClient($"{Feed}/feed.json");
        using var json = JsonDocument.Parse((await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToMemory());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!)];
    }

    /// <summary>The texts of the messages waiting in <paramref name="queue"/> (visible now), up to 32.</summary>
    public static async Task<List<string>> WaitingAsync(QueueClient queue)
    {
        if (!await queue.ExistsAsync(TestContext.Current.CancellationToken))
        {
            return [];
        }

        var messages = (await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value;
        return [.. messages.Select(m => m.MessageText)];
    }

    /// <summary>How many messages <see cref="Queue"/> holds, visible or not.</summary>
    public async Task<int> CountAsync() =>
        (await Queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount;
}
