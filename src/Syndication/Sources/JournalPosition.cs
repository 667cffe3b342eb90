namespace Syndication.Sources;

/// <summary>A place in the <see cref="InboxJournal"/>: a segment and a byte offset in it.</summary>
internal readonly record struct JournalPosition(int Segment, long Offset);
