using System.Text;
using System.Text.Json;

namespace Syndication.Sources;

/// <summary>
/// A Blob Storage event (Event Grid schema) as Event Grid delivers it to a storage queue: a message whose text is the
/// event's JSON, Base64-encoded (plain JSON is taken too, and so is an array of events).
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Type">Its <c>eventType</c>, such as <c>Microsoft.Storage.BlobCreated</c>.</param>
/// <param name="Container">The container its <c>subject</c> names, or <see langword="null"/> when the subject is not a blob's.</param>
/// <param name="Name">The blob's name, or <see langword="null"/> when the subject is not a blob's.</param>
/// <param name="ETag">The ETag of the blob it created (<c>data.eTag</c>), when it says.</param>
internal sealed record BlobEvent(string Id, string Type, string? Container, string? Name, string? ETag)
{
    /// <summary>The event type of a blob written (uploaded, overwritten or copied).</summary>
    public const string Created = "Microsoft.Storage.BlobCreated";

    /// <summary>The event type of a blob deleted.</summary>
    public const string Deleted = "Microsoft.Storage.BlobDeleted";

    private const string SubjectStart = "/blobServices/default/containers/";
    private const string BlobsSegment = "/blobs/";

    /// <summary>The events of a queue message's text, or why it holds none that can be read.</summary>
    /// <returns>The events, or <see langword="null"/> with the <paramref name="reason"/>.</returns>
    public static IReadOnlyList<BlobEvent>? Parse(string text, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = Decode(text.Trim());
        if (json is null)
        {
            reason = "the message is neither Base64 nor JSON";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            reason = $"the message is not JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var elements = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
            var events = new List<BlobEvent>(elements.Count);
            foreach (var element in elements)
            {
                if (Of(element) is not { } parsed)
                {
                    reason = "the message is not an Event Grid event (an object with a string id, eventType and subject)";
                    return null;
                }

                events.Add(parsed);
            }

            if (events.Count == 0)
            {
                reason = "the message holds no event";
                return null;
            }

            reason = string.Empty;
            return events;
        }
    }

    private static BlobEvent? Of(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || StringOf(element, "id") is not { Length: > 0 } id
            || StringOf(element, "eventType") is not { Length: > 0 } type
            || StringOf(element, "subject") is not { } subject)
        {
            return null;
        }

        var (container, name) = BlobOf(subject);
        var etag = element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? StringOf(data, "eTag") : null;
        return new BlobEvent(id, type, container, name, etag);
    }

    /// <summary>The container and blob of a subject <c>/blobServices/default/containers/&lt;container&gt;/blobs/&lt;name&gt;</c>.</summary>
    private static (string? Container, string? Name) BlobOf(string subject)
    {
        if (!subject.StartsWith(SubjectStart, StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = subject[SubjectStart.Length..];
        var blobs = rest.IndexOf(BlobsSegment, StringComparison.Ordinal);
        return blobs <= 0 || blobs + BlobsSegment.Length == rest.Length
            ? (null, null)
            : (rest[..blobs], rest[(blobs + BlobsSegment.Length)..]);
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The JSON of a message: its text decoded from Base64, as Event Grid writes it, or the text itself when it is JSON already.</summary>
    private static string? Decode(string text)
    {
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            return text;
        }

        var bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
