namespace Syndication.Publishing;

/// <summary>How publishing one feed went.</summary>
/// <param name="Feed">The feed's name.</param>
/// <param name="Entries">How many entries it has.</param>
/// <param name="Urls">The public URLs of its documents.</param>
/// <param name="Uploaded">Documents written in this run.</param>
/// <param name="Unchanged">Documents that were already up to date.</param>
/// <param name="Error">Why the feed could not be published, or <see langword="null"/> when it was.</param>
/// <param name="Deleted">Documents deleted because no page needs them any more.</param>
/// <param name="BytesUploaded">The bytes written.</param>
/// <param name="Archives">How many archive pages the feed has.</param>
/// <param name="Skipped">Whether another worker was writing the feed, so this run left it alone.</param>
public sealed record FeedPublishResult(string Feed, int Entries, IReadOnlyList<Uri> Urls, int Uploaded, int Unchanged, string? Error,
    int Deleted = 0, long BytesUploaded = 0, int Archives = 0, bool Skipped = false)
{
    /// <summary>Whether the feed was published.</summary>
    public bool Succeeded => Error is null;
}
