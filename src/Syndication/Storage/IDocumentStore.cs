using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>Where finished documents go: a blob container, or a local folder with the same layout.</summary>
internal interface IDocumentStore
{
    /// <summary>Where the documents are, as a URL (the container's, or the folder's <c>file:</c> URL).</summary>
    Uri Location { get; }

    /// <summary>Creates the container or folder when missing.</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the documents whose bytes or headers differ from what is stored under <paramref name="prefix"/>, then
    /// deletes what <paramref name="owned"/> claims there and no document names any more.
    /// </summary>
    /// <param name="prefix">A prefix of every document's name.</param>
    /// <param name="documents">
    /// The documents in ascending <see cref="FeedDocument.Wave"/> order, enumerated once: each is made when asked for,
    /// and let go once stored.
    /// </param>
    /// <param name="owned">Which stored names this publisher writes (others under the prefix are never deleted).</param>
    /// <param name="cancellationToken">Stops further writes; a write in flight finishes whole.</param>
    Task<UploadSummary> SynchronizeAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken);

    /// <summary>
    /// What <see cref="SynchronizeAsync"/> would do with the same arguments, decided the same way, writing and deleting
    /// nothing (a dry run). A container or folder that does not exist holds nothing: everything would be written.
    /// </summary>
    Task<UploadSummary> CompareAsync(string prefix, IEnumerable<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken);

    /// <summary>The MD5 (Base64) of every stored document under <paramref name="prefix"/>, by name.</summary>
    Task<IReadOnlyDictionary<string, string>> ListAsync(string prefix, CancellationToken cancellationToken);
}
