using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>Where finished documents go: a blob container, or a local folder with the same layout.</summary>
public interface IDocumentStore
{
    /// <summary>Where the documents are, as a URL (the container's, or the folder's <c>file:</c> URL).</summary>
    Uri Location { get; }

    /// <summary>Creates the container or folder when missing.</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the documents whose bytes or headers differ from what is stored under <paramref name="prefix"/>, then
    /// deletes what <paramref name="owned"/> claims there and no document names any more.
    /// </summary>
    Task<UploadSummary> SynchronizeAsync(string prefix, IReadOnlyList<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken);
}
