namespace Syndication.Storage;

/// <summary>A feed's stored state cannot be read or kept up to date; the feed is not published rather than published with wrong dates.</summary>
internal sealed class FeedStateException : Exception
{
    /// <summary>Creates the exception for the state blob <paramref name="blobName"/>.</summary>
    public FeedStateException(string blobName, string detail, Exception? innerException = null)
        : base($"Feed state '{blobName}': {detail}", innerException)
    {
        BlobName = blobName;
    }

    /// <summary>The state blob.</summary>
    public string BlobName { get; }
}
