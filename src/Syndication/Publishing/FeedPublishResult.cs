namespace Syndication.Publishing;

/// <summary>How publishing one feed went.</summary>
/// <param name="Feed">The feed's name.</param>
/// <param name="Entries">How many entries it has.</param>
/// <param name="Urls">The public URLs of its documents.</param>
/// <param name="Uploaded">Documents written in this run.</param>
/// <param name="Unchanged">Documents that were already up to date.</param>
/// <param name="Error">Why the feed could not be published, or <see langword="null"/> when it was.</param>
public sealed record FeedPublishResult(string Feed, int Entries, IReadOnlyList<Uri> Urls, int Uploaded, int Unchanged, string? Error)
{
    /// <summary>Whether the feed was published.</summary>
    public bool Succeeded => Error is null;
}
