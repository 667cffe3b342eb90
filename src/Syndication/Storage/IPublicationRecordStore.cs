namespace Syndication.Storage;

/// <summary>Where the <see cref="PublicationRecord"/> of each feed (and of the list of all feeds) is kept.</summary>
internal interface IPublicationRecordStore
{
    /// <summary>The record of the last complete publication of <paramref name="feed"/>, or <see langword="null"/> when unknown or unreadable.</summary>
    Task<PublicationRecord?> LoadAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Records what a complete publication of <paramref name="feed"/> stored.</summary>
    Task SaveAsync(string feed, PublicationRecord record, CancellationToken cancellationToken);
}
