using Microsoft.Extensions.Logging;

namespace Syndication.Storage;

/// <summary>The stores' log messages, with event ids of their own beside the publisher's (<c>Syndication.Publishing.Log</c>).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(1050, LogLevel.Information, "Moved the publisher's private files from {Former} to {Folder}: the output folder holds only what is served")]
    public static partial void PrivateFolderMoved(ILogger logger, string former, string folder);

    [LoggerMessage(1051, LogLevel.Warning, "The documents link to file:// URLs under {Location} (self links, JSON Feed feed_url, OPML xmlUrl): " +
        "set --public-base-url (Syndication:PublicBaseUrl) to the URL the folder is served at")]
    public static partial void LinksToFiles(ILogger logger, string location);
}
