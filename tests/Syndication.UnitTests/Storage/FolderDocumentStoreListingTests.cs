using System.Security.Cryptography;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary>
/// A listing of a local output folder gives each file's MD5, as storage does, and hashes again only the files whose
/// length or write time changed since the store last hashed them.
/// </summary>
public sealed class FolderDocumentStoreListingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("syndication-listing-").FullName;
    private readonly DateTime _written = DateTime.UtcNow.AddHours(-1);
    private readonly string _private = Path.Combine(Path.GetTempPath(), "syndication-listing-private-" + Guid.NewGuid().ToString("N"));

    public FolderDocumentStoreListingTests() => Write("rss.xml", "<rss/>");

    private string PathOf(string name) => Path.Combine(_root, "world", name);

    [Fact]
    public async Task List_GivesTheMd5OfEachFileAsStorageWould()
    {
        var store = new FolderDocumentStore(_root);
        Write("rss.xml", "<rss/>");

        var listed = await store.ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToBase64String(MD5.HashData("<rss/>"u8)), listed["world/rss.xml"]);
    }

    [Fact]
    public async Task List_FileRewrittenSinceTheLastListing_GivesItsNewMd5()
    {
        var store = new FolderDocumentStore(_root);
        Write("rss.xml", "<rss/>");
        await store.ListAsync("world/", TestContext.Current.CancellationToken);

        Write("rss.xml", "<rss version=\"2.0\"/>", _written.AddMinutes(1));
        var listed = await store.ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToBase64String(MD5.HashData("<rss version=\"2.0\"/>"u8)), listed["world/rss.xml"]);
    }

    [Fact]
    public async Task List_FileChangedBehindItsLengthAndWriteTime_IsNotHashedAgain()
    {
        var store = new FolderDocumentStore(_root);
        Write("rss.xml", "<rss/>");
        var first = await store.ListAsync("world/", TestContext.Current.CancellationToken);

        // Same length, same write time: only a remembered hash can hide the change.
        Write("rss.xml", "<RSS/>");
        var second = await store.ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(first["world/rss.xml"], second["world/rss.xml"]);
        // A store that never hashed the file sees the change.
        var fresh = await new FolderDocumentStore(_root).ListAsync("world/", TestContext.Current.CancellationToken);
        Assert.NotEqual(first["world/rss.xml"], fresh["world/rss.xml"]);
    }

    [Fact]
    public async Task List_FileWrittenJustNow_IsHashedAtEveryListing()
    {
        var store = new FolderDocumentStore(_root);
        var now = DateTime.UtcNow;
        Write("rss.xml", "<rss/>", now);
        await store.ListAsync("world/", TestContext.Current.CancellationToken);

        // A write within the file system's time granularity may keep the write time: it must still be seen.
        Write("rss.xml", "<RSS/>", now);
        var listed = await store.ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToBase64String(MD5.HashData("<RSS/>"u8)), listed["world/rss.xml"]);
    }

    [Fact]
    public async Task List_InANewProcess_TakesTheHashesTheLastOneKeptInThePrivateFolder()
    {
        var first = await new FolderDocumentStore(_root, _private).ListAsync("world/", TestContext.Current.CancellationToken);
        Write("rss.xml", "<RSS/>");

        var second = await new FolderDocumentStore(_root, _private).ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(first["world/rss.xml"], second["world/rss.xml"]);
        Assert.Single(Directory.GetFiles(Path.Combine(_private, "documents")));
    }

    [Fact]
    public async Task List_KeptHashesUnreadable_HashesTheFilesAgain()
    {
        await new FolderDocumentStore(_root, _private).ListAsync("world/", TestContext.Current.CancellationToken);
        foreach (var kept in Directory.GetFiles(Path.Combine(_private, "documents")))
        {
            await File.WriteAllTextAsync(kept, "{ not json", TestContext.Current.CancellationToken);
        }

        Write("rss.xml", "<RSS/>");
        var listed = await new FolderDocumentStore(_root, _private).ListAsync("world/", TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToBase64String(MD5.HashData("<RSS/>"u8)), listed["world/rss.xml"]);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        if (Directory.Exists(_private))
        {
            Directory.Delete(_private, recursive: true);
        }
    }

    private void Write(string name, string text, DateTime? written = null)
    {
        Directory.CreateDirectory(Path.Combine(_root, "world"));
        File.WriteAllText(PathOf(name), text);
        File.SetLastWriteTimeUtc(PathOf(name), written ?? _written);
    }
}
