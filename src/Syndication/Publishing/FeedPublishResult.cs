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

    /// <summary>
    /// The names of the documents uploaded (in a dry run, that would be): those whose rendered bytes or headers differ
    /// from what is stored. Filled in every run; empty when the feed was skipped, failed, or nothing was found changed
    /// without rendering it.
    /// </summary>
    public IReadOnlyList<string> UploadNames { get; init; } = [];

    /// <summary>The names of the documents deleted (in a dry run, that would be) because no page writes them any more; filled in every run.</summary>
    public IReadOnlyList<string> DeleteNames { get; init; } = [];

    /// <summary>Whether the WebSub hub accepted a notification of the feed's change (in a dry run, whether it would be notified).</summary>
    public bool HubNotified { get; init; }
}
