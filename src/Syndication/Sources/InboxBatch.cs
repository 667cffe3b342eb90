using Azure.Storage.Queues.Models;

namespace Syndication.Sources;

/// <summary>The messages one run received from the event queue, sorted by what becomes of them.</summary>
internal sealed class InboxBatch
{
    /// <summary>The blobs the events named, as the events said they were.</summary>
    public List<InboxChange> Changes { get; } = [];

    /// <summary>The messages the run uses: deleted once it published their feeds.</summary>
    public List<ReceivedMessage> Used { get; } = [];

    /// <summary>The messages set aside in the poison queue, with the reason.</summary>
    public List<(QueueMessage Message, string Reason)> Poison { get; } = [];

    /// <summary>The messages about nothing a feed reads, with the reason: deleted at once.</summary>
    public List<(QueueMessage Message, string Reason)> Ignored { get; } = [];
}
