using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Syndication.Tests.Sources;

/// <summary>
/// Blob Storage events as Event Grid delivers them to a storage queue (Event Grid schema, one event a message, the
/// JSON Base64-encoded), written out from the schema's fields rather than by the code under test.
/// </summary>
internal static class EventGridEvents
{
    private const string Topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/newsroom/providers/Microsoft.Storage/storageAccounts/devstoreaccount1";
    private static long _sequencer = 0x4420;

    /// <summary>A <c>Microsoft.Storage.BlobCreated</c> event for a blob written with <paramref name="etag"/> and <paramref name="length"/> bytes.</summary>
    public static string Created(Uri blobUrl, string container, string name, string etag, long length, DateTimeOffset time) =>
        Encode(Event("Microsoft.Storage.BlobCreated", container, name, time, new Dictionary<string, object?>
        {
            ["api"] = "PutBlob",
            ["clientRequestId"] = Guid.NewGuid().ToString(),
            ["requestId"] = Guid.NewGuid().ToString(),
            ["eTag"] = etag,
            ["contentType"] = "text/plain",
            ["contentLength"] = length,
            ["blobType"] = "BlockBlob",
            ["url"] = blobUrl.AbsoluteUri,
            ["sequencer"] = NextSequencer(),
            ["storageDiagnostics"] = new Dictionary<string, object?> { ["batchId"] = Guid.NewGuid().ToString() },
        }));

    /// <summary>A <c>Microsoft.Storage.BlobDeleted</c> event.</summary>
    public static string Deleted(Uri blobUrl, string container, string name, DateTimeOffset time) =>
        Encode(Event("Microsoft.Storage.BlobDeleted", container, name, time, new Dictionary<string, object?>
        {
            ["api"] = "DeleteBlob",
            ["requestId"] = Guid.NewGuid().ToString(),
            ["contentType"] = "text/plain",
            ["blobType"] = "BlockBlob",
            ["url"] = blobUrl.AbsoluteUri,
            ["sequencer"] = NextSequencer(),
            ["storageDiagnostics"] = new Dictionary<string, object?> { ["batchId"] = Guid.NewGuid().ToString() },
        }));

    /// <summary>Base64 of UTF-8 text, as Event Grid encodes a queue message.</summary>
    public static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static string Event(string type, string container, string name, DateTimeOffset time, Dictionary<string, object?> data) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["topic"] = Topic,
            ["subject"] = $"/blobServices/default/containers/{container}/blobs/{name}",
            ["eventType"] = type,
            ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            ["id"] = Guid.NewGuid().ToString(),
            ["data"] = data,
            ["dataVersion"] = string.Empty,
            ["metadataVersion"] = "1",
        });

    private static string NextSequencer() => Interlocked.Increment(ref _sequencer).ToString("x32", CultureInfo.InvariantCulture);
}
