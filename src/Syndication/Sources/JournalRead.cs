namespace Syndication.Sources;

/// <summary>What a read of the <see cref="InboxJournal"/> found.</summary>
/// <param name="Changes">The blobs other workers (and this one) wrote, in order.</param>
/// <param name="Listed">Whether another worker published from a listing of its own since: what it saw may be unknown here.</param>
/// <param name="Position">Where the read ended.</param>
/// <param name="Lost">Whether the place read from is gone (its segment deleted): what was written there is unknown.</param>
internal sealed record JournalRead(IReadOnlyList<InboxChange> Changes, bool Listed, JournalPosition Position, bool Lost);
