using System.Text;
using Syndication.Sources;

namespace Syndication.Tests.Sources;

public sealed class BlobEventTests
{
    // The sample of Event Grid's documentation for Blob Storage, with this project's names.
    private const string Created = """
        {
          "topic": "/subscriptions/0000/resourceGroups/newsroom/providers/Microsoft.Storage/storageAccounts/newsroom",
          "subject": "/blobServices/default/containers/inbox/blobs/world/001 story.md",
          "eventType": "Microsoft.Storage.BlobCreated",
          "eventTime": "2026-06-26T18:41:00.9584103Z",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": {
            "api": "PutBlockList",
            "clientRequestId": "6d79dbfb-0e37-4fc4-981f-442c9ca89e1e",
            "requestId": "831e1650-001e-001b-66ab-eeb76e000000",
            "eTag": "0x8D4BCC2E4835CD0",
            "contentType": "text/markdown",
            "contentLength": 524288,
            "blobType": "BlockBlob",
            "url": "https://newsroom.blob.core.windows.net/inbox/world/001%20story.md",
            "sequencer": "00000000000004420000000000028963",
            "storageDiagnostics": { "batchId": "b68529f3-68cd-4744-baa4-3c0498ec19f0" }
          },
          "dataVersion": "",
          "metadataVersion": "1"
        }
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_Base64MessageAsEventGridSendsIt_GivesTheBlobFromTheSubject()
    {
        var events = BlobEvent.Parse(Base64(Created), out var reason);

        Assert.Equal([new BlobEvent("831e1650-001e-001b-66ab-eeb76e069631", "Microsoft.Storage.BlobCreated", "inbox", "world/001 story.md", "0x8D4BCC2E4835CD0")], events);
        Assert.Empty(reason);
    }

    [Fact]
    public void Parse_PlainJsonAndArrays_AreTakenToo()
    {
        var deleted = Created.Replace("BlobCreated", "BlobDeleted", StringComparison.Ordinal).Replace("\"eTag\": \"0x8D4BCC2E4835CD0\",", string.Empty, StringComparison.Ordinal);

        var plain = BlobEvent.Parse(Created, out _);
        var array = BlobEvent.Parse($"[{Created}, {deleted}]", out _);

        Assert.Equal("0x8D4BCC2E4835CD0", Assert.Single(plain!).ETag);
        Assert.Equal([("Microsoft.Storage.BlobCreated", "0x8D4BCC2E4835CD0"), ("Microsoft.Storage.BlobDeleted", null)], array!.Select(e => (e.Type, e.ETag)));
    }

    [Theory]
    [InlineData("/blobServices/default/containers/inbox/blobs/a/b/c.md", "inbox", "a/b/c.md")]
    [InlineData("/blobServices/default/containers/inbox/blobs/", null, null)]
    [InlineData("/blobServices/default/containers/inbox", null, null)]
    [InlineData("/fileServices/default/shares/inbox/files/a.md", null, null)]
    public void Parse_Subject_NamesTheContainerAndBlobOnlyOfABlob(string subject, string? container, string? name)
    {
        var json = $$"""{ "id": "1", "eventType": "Microsoft.Storage.BlobCreated", "subject": "{{subject}}", "data": {} }""";

        var parsed = Assert.Single(BlobEvent.Parse(json, out _)!);

        Assert.Equal((container, name), (parsed.Container, parsed.Name));
    }

    [Theory]
    [InlineData("not base64 at all ~", "neither Base64 nor JSON")]
    [InlineData("{ not json", "not JSON")]
    [InlineData("""{ "hello": "world" }""", "not an Event Grid event")]
    [InlineData("""{ "id": 1, "eventType": "x", "subject": "y" }""", "not an Event Grid event")]
    [InlineData("""[{ "id": "1", "eventType": "x", "subject": "y" }, 3]""", "not an Event Grid event")]
    [InlineData("[]", "holds no event")]
    public void Parse_MessageWithoutAnEvent_SaysWhy(string text, string reason)
    {
        Assert.Null(BlobEvent.Parse(text, out var said));
        Assert.Contains(reason, said, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64OfBytesThatAreNotText_IsNeitherBase64NorJson()
    {
        Assert.Null(BlobEvent.Parse(Convert.ToBase64String([0xff, 0xfe, 0x00, 0xc3]), out var reason));
        Assert.Contains("neither Base64 nor JSON", reason, StringComparison.Ordinal);
    }
}
