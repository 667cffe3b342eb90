using Microsoft.Extensions.Logging;

namespace Syndication.Sources;

/// <summary>The event-driven inbox's log messages (events 1070 to 1075), under the publisher's category like every step of a run.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(1070, LogLevel.Warning, "Queue message {MessageId} of {Queue} set aside in {PoisonQueue}: {Reason}")]
    public static partial void SetAside(ILogger logger, string messageId, string queue, string poisonQueue, string reason);

    [LoggerMessage(1071, LogLevel.Information, "Listed the inbox {Container} in full ({Files} feed files; {Changes} changes no event had told): {Reason}")]
    public static partial void ListedInFull(ILogger logger, string container, int files, int changes, string reason);

    [LoggerMessage(1072, LogLevel.Debug, "Applied {Messages} queue messages and {Records} journal records: {Checked} blobs looked at, {Changed} changed")]
    public static partial void Applied(ILogger logger, int messages, int records, int @checked, int changed);

    [LoggerMessage(1073, LogLevel.Warning, "Could not {Action} queue message {MessageId}: {Reason}; it is delivered again, and applying it again changes nothing")]
    public static partial void NotSettled(ILogger logger, string action, string messageId, string reason);

    [LoggerMessage(1074, LogLevel.Debug, "Queue message {MessageId} ignored and deleted: {Reason}")]
    public static partial void Ignored(ILogger logger, string messageId, string reason);

    [LoggerMessage(1075, LogLevel.Error, "Could not set aside queue message {MessageId} in {PoisonQueue} ({Reason}): {Failure}; it stays in the queue")]
    public static partial void NotSetAside(ILogger logger, Exception exception, string messageId, string poisonQueue, string reason, string failure);
}
