using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Syndication.Articles;
using Syndication.Sources;
using Syndication.Storage;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>One table of reading rules, run against the folder and the blob container alike.</summary>
public sealed class FeedSourceTests(AzuriteFixture azurite)
{
    private const string FeedJson = """{ "title": "Extra", "link": "https://extra.example.com/", "description": "D", "language": "en", "author": { "name": "Desk" } }""";

    private static readonly Dictionary<string, Func<TestSource, CancellationToken, Task>> Table = new(StringComparer.Ordinal)
    {
        // Which files count

        ["every feed in name order, its articles in file order"] = async (files, ct) =>
        {
            var catalog = await files.Create().ReadAsync(ct);

            var fromFolder = FolderCatalog.Read(RepositoryPaths.Feeds);
            Assert.Equal(["newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
            Assert.Equal(["000_1cfd89721070237b.txt", "001_munitions-route.md", "002_serbian-ammunition.md"], catalog.Feeds[1].Articles.Select(a => a.FileName));
            Assert.Equal(fromFolder.Feeds.Select(f => f.Definition with { }), catalog.Feeds.Select(f => f.Definition with { }));
            Assert.Equal(
                fromFolder.Feeds.SelectMany(f => f.Articles).Select(a => (a.FileName, a.Title, a.ContentHash, a.BodyHtml)),
                catalog.Feeds.SelectMany(f => f.Articles).Select(a => (a.FileName, a.Title, a.ContentHash, a.BodyHtml)));
            Assert.Equal(files.PathOf("world/001_munitions-route.md"), catalog.Feeds[1].Articles[1].SourcePath);
            Assert.Empty(catalog.Diagnostics);
        },
        ["drafts and editor files are ignored, in a feed and as feeds"] = async (files, ct) =>
        {
            await files.WriteAsync("world/_draft.md", "Draft\n\nBody.\n");
            await files.WriteAsync("world/.autosave.txt", "Swap\n\nBody.\n");
            await files.WriteAsync("_drafts/feed.json", FeedJson);
            await files.WriteAsync("_drafts/one.txt", "One\n\nBody.\n");
            await files.WriteAsync(".git/config", "[core]\n");

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(["newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
            Assert.Equal(3, catalog.Feeds[1].Articles.Count); // the world samples
            Assert.Empty(catalog.Diagnostics);
        },
        ["nested files and other types are ignored"] = async (files, ct) =>
        {
            await files.WriteAsync("world/deeper/ignored.txt", "Ignored\n\nBody");
            await files.WriteAsync("world/picture.jpg", [0xFF, 0xD8, 0xFF]);
            await files.WriteAsync("world/notes.html", "<p>notes</p>");

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(3, catalog.Feeds.Single(f => f.Definition.Name == "world").Articles.Count); // the world samples
            Assert.Empty(catalog.Diagnostics);
        },
        ["a folder without feed.json is a warning, and not a feed"] = async (files, ct) =>
        {
            await files.WriteAsync("extra/one.txt", "One\n\nBody.\n");

            var catalog = await files.Create().ReadAsync(ct);

            var warning = Assert.Single(catalog.Diagnostics);
            Assert.Equal((DiagnosticSeverity.Warning, files.PathOf("extra")), (warning.Severity, warning.File));
            Assert.Contains("no feed.json", warning.Message, StringComparison.Ordinal);
            Assert.Null(warning.Feed);
            Assert.Equal(["newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
        },
        ["a feed folder named like a document published beside the feeds is an error, and not a feed"] = async (files, ct) =>
        {
            foreach (var name in new[] { "index.html", "feeds.opml", "json-feed-extension.html" })
            {
                await files.WriteAsync($"{name}/feed.json", FeedJson);
                await files.WriteAsync($"{name}/one.txt", "One\n\nBody.\n");
            }

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(
                [files.PathOf("feeds.opml"), files.PathOf("index.html"), files.PathOf("json-feed-extension.html")],
                catalog.Diagnostics.Select(d => d.File));
            Assert.All(catalog.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
            Assert.All(catalog.Diagnostics, d => Assert.Contains("cannot be a feed; rename the folder", d.Message, StringComparison.Ordinal));
            Assert.Equal(["newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
        },

        ["two articles that would share an entry id: the first in file order keeps it, the other is an error naming both"] = async (files, ct) =>
        {
            await files.WriteAsync("world/story.md", "# Story in Markdown\n\nBody.\n");
            await files.WriteAsync("world/story.txt", "Story in text\n\nBody.\n");
            await files.WriteAsync("world/x1.md", "---\nid: urn:uuid:5b0a3c52-5b2f-4a8e-9c55-2f4a3c1d9e01\n---\n# One\n\nBody.\n");
            await files.WriteAsync("world/x2.md", "---\nid: urn:uuid:5b0a3c52-5b2f-4a8e-9c55-2f4a3c1d9e01\n---\n# Two\n\nBody.\n");

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal([files.PathOf("world/story.txt"), files.PathOf("world/x2.md")], catalog.Diagnostics.Select(d => d.File));
            Assert.All(catalog.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
            Assert.Contains("same name as story.md", catalog.Diagnostics[0].Message, StringComparison.Ordinal);
            Assert.Contains("is also that of x1.md", catalog.Diagnostics[1].Message, StringComparison.Ordinal);
            var world = catalog.Feeds.Single(f => f.Definition.Name == "world").Articles.Select(a => a.FileName).ToList();
            Assert.Contains("story.md", world);
            Assert.Contains("x1.md", world);
            Assert.DoesNotContain("story.txt", world);
            Assert.DoesNotContain("x2.md", world);
        },

        // Problems stay in their file, in order

        ["a file over the size limit is an error naming the setting"] = async (files, ct) =>
        {
            await files.WriteAsync("world/002_big.txt", "Title\n\n" + new string('x', 5000));

            var catalog = await files.Create(new ArticleParserOptions { MaxFileBytes = 4096 }).ReadAsync(ct);

            var error = Assert.Single(catalog.Diagnostics);
            Assert.Equal((DiagnosticSeverity.Error, files.PathOf("world/002_big.txt")), (error.Severity, error.File));
            Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, catalog.Feeds[1].Articles.Count); // the world samples, not the big file
        },
        ["a bad file is reported by its path, feed and name, and the rest is read"] = async (files, ct) =>
        {
            await files.WriteAsync("world/bad.txt", [0xFF, 0x00]);

            var catalog = await files.Create().ReadAsync(ct);

            var error = Assert.Single(catalog.Diagnostics);
            Assert.Equal((files.PathOf("world/bad.txt"), "world", "bad.txt"), (error.File, error.Feed, error.ArticleFile));
            Assert.Equal(3, catalog.Feeds.Single(f => f.Definition.Name == "world").Articles.Count); // the world samples
        },
        ["diagnostics come by feed, definition first, then file by file"] = async (files, ct) =>
        {
            await files.WriteAsync("aaa/feed.json", """{ "title": "A", "link": "https://a.example.com/" }""");
            await files.WriteAsync("aaa/2.txt", [0xFF]);
            await files.WriteAsync("aaa/1.md", "---\ntitle: One\nunknownkey: 1\n---\nBody.\n");
            await files.WriteAsync("bbb/1.txt", "One\n\nBody.\n");
            await files.WriteAsync("ccc/feed.json", "{ not json");
            await files.WriteAsync("ccc/1.txt", "One\n\nBody.\n");
            await files.WriteAsync("world/0.txt", [0xFF]);

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(
                ["aaa/feed.json", "aaa/feed.json", "aaa/feed.json", "aaa/1.md", "aaa/2.txt", "bbb", "ccc/feed.json", "world/0.txt"],
                catalog.Diagnostics.Select(d => d.File).Select(file => new[] { "aaa/feed.json", "aaa/1.md", "aaa/2.txt", "bbb", "ccc/feed.json", "world/0.txt" }
                    .Single(key => files.PathOf(key) == file)));
            Assert.Equal([null, null, null, "1.md", "2.txt", null, null, "0.txt"], catalog.Diagnostics.Select(d => d.ArticleFile));
            Assert.Equal(["aaa", "newsroom", "world"], catalog.Feeds.Select(f => f.Definition.Name));
        },

        // What did not change is not read again; what did is

        ["a second read reuses every unchanged article"] = async (files, ct) =>
        {
            var source = files.Create();
            var first = await source.ReadAsync(ct);

            var again = await source.ReadAsync(ct);

            Assert.All(first.Feeds.SelectMany(f => f.Articles).Zip(again.Feeds.SelectMany(f => f.Articles)), pair => Assert.Same(pair.First, pair.Second));
        },
        ["a feed read again reuses unchanged articles and parses changed and new ones"] = async (files, ct) =>
        {
            var source = files.Create();
            var first = (await source.ReadAsync(ct)).Feeds.Single(f => f.Definition.Name == "world");
            var changed = File.ReadAllText(Path.Combine(RepositoryPaths.Feeds, "world", "001_munitions-route.md")) + "\nOne more paragraph.\n";
            await files.WriteAsync("world/001_munitions-route.md", changed);
            await files.WriteAsync("world/002_new.txt", "New\n\nBody.\n");

            var again = (await source.ReadFeedAsync("world", new List<SourceDiagnostic>(), ct))!;

            Assert.Same(first.Articles[0], again.Articles[0]);
            Assert.NotSame(first.Articles[1], again.Articles[1]);
            Assert.Contains("One more paragraph.", again.Articles[1].BodyHtml, StringComparison.Ordinal);
            Assert.Equal("New", again.Articles[2].Title);
        },
        ["an article read with a warning is parsed again and says it again"] = async (files, ct) =>
        {
            await files.WriteAsync("world/003_warned.md", "---\ntitle: Warned\nunknownkey: 1\n---\nBody.\n");
            var source = files.Create();
            var first = await source.ReadAsync(ct);
            Assert.Contains(first.Diagnostics, d => d.File.EndsWith("003_warned.md", StringComparison.Ordinal));

            var again = await source.ReadAsync(ct);
            var underLease = new List<SourceDiagnostic>();
            var feed = await source.ReadFeedAsync("world", underLease, ct);

            Assert.Contains(again.Diagnostics, d => d.File.EndsWith("003_warned.md", StringComparison.Ordinal));
            Assert.Contains(underLease, d => d.File.EndsWith("003_warned.md", StringComparison.Ordinal));
            Assert.NotSame(first.Feeds[1].Articles[3], again.Feeds[1].Articles[3]);
            Assert.NotSame(again.Feeds[1].Articles[3], feed!.Articles[3]);
        },
        ["a file saved between the fingerprint and the read is read as saved"] = async (files, ct) =>
        {
            var source = files.Create();
            var before = await source.FingerprintAsync(ct);
            await files.WriteAsync("world/000_1cfd89721070237b.txt", "Saved since\n\nBody.\n");

            var catalog = await source.ReadAsync(ct);

            Assert.Equal("Saved since", catalog.Feeds[1].Articles[0].Title);
            Assert.NotEqual(before.Hash, (await source.FingerprintAsync(ct)).Hash);
        },

        // Files that go away

        ["a file deleted between the listing and the read is simply absent"] = async (files, ct) =>
        {
            files.BeforeRead = key =>
            {
                if (key == "world/001_munitions-route.md")
                {
                    files.Delete(key);
                }
            };

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(["000_1cfd89721070237b.txt", "002_serbian-ammunition.md"], catalog.Feeds[1].Articles.Select(a => a.FileName));
            Assert.Empty(catalog.Diagnostics);
        },
        ["a feed whose definition is deleted between the listing and the read is absent"] = async (files, ct) =>
        {
            files.BeforeRead = key =>
            {
                if (key == "world/feed.json")
                {
                    files.Delete(key);
                }
            };

            var catalog = await files.Create().ReadAsync(ct);

            Assert.Equal(["newsroom"], catalog.Feeds.Select(f => f.Definition.Name));
            Assert.Empty(catalog.Diagnostics);
        },
        ["a feed read again is null once gone or without a definition"] = async (files, ct) =>
        {
            await files.WriteAsync("extra/one.txt", "One\n\nBody.\n");
            var source = files.Create();

            Assert.Null(await source.ReadFeedAsync("gone", new List<SourceDiagnostic>(), ct));
            Assert.Null(await source.ReadFeedAsync("extra", new List<SourceDiagnostic>(), ct));
            Assert.NotNull(await source.ReadFeedAsync("world", new List<SourceDiagnostic>(), ct));
        },

        // The fingerprint and the bytes

        ["the fingerprint changes with an article, not with a draft"] = async (files, ct) =>
        {
            var source = files.Create();
            var first = await source.FingerprintAsync(ct);
            await files.WriteAsync("world/_draft.md", "Draft\n\nBody.\n");
            var withDraft = await source.FingerprintAsync(ct);
            await files.WriteAsync("world/002_new.txt", "New\n\nBody.\n");

            var withArticle = await source.FingerprintAsync(ct);

            Assert.Equal(["newsroom", "world"], first.Feeds);
            Assert.Equal(first.Hash, withDraft.Hash);
            Assert.Equal(first.Feeds, withDraft.Feeds);
            Assert.NotEqual(first.Hash, withArticle.Hash);
            Assert.Equal(withArticle.Hash, (await files.Create().FingerprintAsync(ct)).Hash);
        },
        ["an article's bytes are given only while they hash as read"] = async (files, ct) =>
        {
            var source = files.Create();
            var article = (await source.ReadAsync(ct)).Feeds[1].Articles[1];
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Feeds, "world", "001_munitions-route.md"));

            Assert.Equal(bytes, (await source.ReadBytesAsync("world", article.FileName, article.ContentHash, ct))?.ToArray());
            Assert.Equal(bytes, (await files.Create().ReadBytesAsync("world", article.FileName, article.ContentHash, ct))?.ToArray());
            Assert.Null(await source.ReadBytesAsync("world", article.FileName, new string('0', 64), ct));
            await files.WriteAsync("world/001_munitions-route.md", "Changed\n\nBody.\n");
            Assert.Null(await files.Create().ReadBytesAsync("world", article.FileName, article.ContentHash, ct));
            files.Delete("world/001_munitions-route.md");
            Assert.Null(await files.Create().ReadBytesAsync("world", article.FileName, article.ContentHash, ct));
        },
    };

    public static TheoryData<SourceKind, string> Cases()
    {
        var cases = new TheoryData<SourceKind, string>();
        foreach (var kind in Enum.GetValues<SourceKind>())
        {
            foreach (var name in Table.Keys)
            {
                cases.Add(kind, name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Read(SourceKind kind, string rule)
    {
        using var files = await TestSource.CreateAsync(kind, azurite);

        await Table[rule](files, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReadAsync_StorageDown_FailsTheRun()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        var container = new BlobServiceClient(AzuriteFixture.UnreachableConnectionString, options).GetBlobContainerClient("inbox");

        await Assert.ThrowsAsync<StorageException>(() => new BlobFeedSource(container, new ArticleParser()).ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publish_FromTheInbox_PublishesTheFeeds()
    {
        var inbox = AzuriteFixture.NewContainerName();
        var container = azurite.CreateClient().GetBlobContainerClient(inbox);
        await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories))
        {
            await container.GetBlobClient(Path.GetRelativePath(RepositoryPaths.Feeds, file).Replace('\\', '/')).UploadAsync(file, TestContext.Current.CancellationToken);
        }

        var options = azurite.OptionsFor(AzuriteFixture.NewContainerName(), "/not/used");
        options.Source.Container = inbox;

        var report = await AzuriteFixture.CreatePublisher(options, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)))
            .PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        Assert.Equal(["newsroom", "world"], report.Feeds.Select(f => f.Feed).Take(2));
        Assert.Equal(3, report.Feeds.Single(f => f.Feed == "world").Entries); // the world samples
        // Both sample feeds take part in the all-news feed.
        Assert.Equal(report.Feeds.Take(2).Sum(f => f.Entries), report.Feeds.Single(f => f.Feed == "all").Entries);
    }
}
