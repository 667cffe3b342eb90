using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Syndication.Articles;
using Syndication.Sources;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Sources;

/// <summary>
/// The sample feeds in a folder or a fresh blob container, with the sources that read them, counting every file
/// they read by its key (<c>&lt;feed&gt;/&lt;file&gt;</c>).
/// </summary>
internal sealed class TestSource : IDisposable
{
    private readonly TemporaryFeedsFolder? _folder;
    private readonly BlobContainerClient? _container;
    private readonly string? _connectionString;

    private TestSource(TemporaryFeedsFolder? folder, BlobContainerClient? container, string? connectionString)
    {
        _folder = folder;
        _container = container;
        _connectionString = connectionString;
    }

    /// <summary>How many times each file was read, by key.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    /// <summary>Called with a file's key just before a source reads it.</summary>
    public Action<string>? BeforeRead { get; set; }

    public static async Task<TestSource> CreateAsync(SourceKind kind, AzuriteFixture azurite, bool withSamples = true)
    {
        if (kind == SourceKind.Folder)
        {
            return new TestSource(new TemporaryFeedsFolder(withSamples), null, null);
        }

        var container = azurite.CreateClient().GetBlobContainerClient(AzuriteFixture.NewContainerName());
        await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in withSamples ? Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories) : [])
        {
            var name = Path.GetRelativePath(RepositoryPaths.Feeds, file).Replace('\\', '/');
            await container.GetBlobClient(name).UploadAsync(file, TestContext.Current.CancellationToken);
        }

        return new TestSource(null, container, azurite.ConnectionString);
    }

    /// <summary>A new source over the files, as a worker that starts has.</summary>
    public FeedSource Create(ArticleParserOptions? options = null)
    {
        var parser = new ArticleParser(options ?? new ArticleParserOptions());
        if (_folder is not null)
        {
            return new FolderFeedSource(_folder.Path, parser, file =>
            {
                var key = Path.GetRelativePath(_folder.Path, file).Replace('\\', '/');
                Read(key);
                return File.ReadAllBytes(file);
            });
        }

        var clientOptions = new BlobClientOptions();
        clientOptions.AddPolicy(new BlobReadPolicy(_container!.Name, Read), Azure.Core.HttpPipelinePosition.PerCall);
        return new BlobFeedSource(new BlobServiceClient(_connectionString, clientOptions).GetBlobContainerClient(_container.Name), parser);
    }

    /// <summary>How a source names <paramref name="key"/> (a file, or a folder without a slash) in diagnostics.</summary>
    public string PathOf(string key) => _folder is not null
        ? Path.Combine(_folder.Path, key.Replace('/', Path.DirectorySeparatorChar))
        : key.Contains('/', StringComparison.Ordinal) ? $"{_container!.Name}/{key}" : $"{_container!.Name}/{key}/";

    public Task WriteAsync(string key, string text) => WriteAsync(key, System.Text.Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(string key, byte[] bytes)
    {
        if (_folder is not null)
        {
            _folder.Write(key, bytes);
            return;
        }

        await _container!.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, TestContext.Current.CancellationToken);
    }

    public void Delete(string key)
    {
        if (_folder is not null)
        {
            File.Delete(Path.Combine(_folder.Path, key));
            return;
        }

        _container!.GetBlobClient(key).DeleteIfExists();
    }

    /// <summary>Dates every file of the folder to one time long past, so its stamp is settled (blobs' ETags always are).</summary>
    public void Settle()
    {
        foreach (var file in _folder is null ? [] : Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }

    /// <summary>Dates a folder's file to the given time (blobs have no such time).</summary>
    public void SetWriteTime(string key, DateTime utc)
    {
        if (_folder is not null)
        {
            File.SetLastWriteTimeUtc(Path.Combine(_folder.Path, key), utc);
        }
    }

    public void Dispose() => _folder?.Dispose();

    private void Read(string key)
    {
        BeforeRead?.Invoke(key);
        Reads.AddOrUpdate(key, 1, (_, count) => count + 1);
    }
}
