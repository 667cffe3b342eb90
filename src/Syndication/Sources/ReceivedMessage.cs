using Azure.Storage.Queues.Models;

namespace Syndication.Sources;

/// <summary>A queue message a run uses, and the feeds whose blobs it named.</summary>
internal sealed record ReceivedMessage(QueueMessage Message, IReadOnlySet<string> Feeds);
