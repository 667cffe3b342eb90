using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Storage;

/// <summary>Only the public documents are readable anonymously, and no secret reaches a log or an error.</summary>
public sealed class SecurityTests(AzuriteFixture azurite)
{
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData(Azure.Storage.Blobs.Models.PublicAccessType.Blob)]
    [InlineData(Azure.Storage.Blobs.Models.PublicAccessType.BlobContainer)]
    public async Task Publish_StateContainerMadePublic_IsRefusedAndNothingIsPublished(Azure.Storage.Blobs.Models.PublicAccessType access)
    {
        var container = AzuriteFixture.NewContainerName();
        var options = azurite.OptionsFor(container, RepositoryPaths.Feeds);
        var state = azurite.CreateClient().GetBlobContainerClient(options.Storage.EffectiveStateContainer);
        await state.CreateAsync(access, cancellationToken: TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<PublicStateContainerException>(
            () => AzuriteFixture.CreatePublisher(options, TimeProvider.System).PublishAsync(TestContext.Current.CancellationToken));

        Assert.Equal(state.Name, refused.Container);
        Assert.Contains($"'{state.Name}' allows anonymous read access", refused.Message, StringComparison.Ordinal);
        Assert.False(await state.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await azurite.CreateClient().GetBlobContainerClient(container).ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Anonymous_CanReadPublicDocumentsButNotStateSourcesOrListings()
    {
        var container = AzuriteFixture.NewContainerName();
        var inbox = AzuriteFixture.NewContainerName();
        var client = azurite.CreateClient();
        await client.GetBlobContainerClient(inbox).CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Feeds, "*", SearchOption.AllDirectories))
        {
            await client.GetBlobContainerClient(inbox).GetBlobClient(Path.GetRelativePath(RepositoryPaths.Feeds, file)).UploadAsync(file, TestContext.Current.CancellationToken);
        }

        var options = azurite.OptionsFor(container, "/not/used");
        options.Source.Container = inbox;
        await AzuriteFixture.CreatePublisher(options, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56))).PublishAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"{container}/world/rss.xml"));
        foreach (var privateUrl in new[]
                 {
                     $"{container}-state/{container}/world/state.json", // the state
                     $"{container}-state/{container}/world/lease",
                     $"{inbox}/world/feed.json",                        // the sources
                     $"{inbox}/world/000_1cfd89721070237b.txt",
                     $"{container}?restype=container&comp=list",         // listings
                     $"{container}-state?restype=container&comp=list",
                     $"{inbox}?restype=container&comp=list",
                 })
        {
            Assert.True((int)await StatusAsync(privateUrl) is 403 or 404, privateUrl);
        }
    }

    [Fact]
    public async Task Run_WithAFailingAccount_NeverWritesTheKeyOrSasIntoLogsOrErrors()
    {
        const string Key = "U0VDUkVULUtFWS1TSE9VTEQtTkVWRVItQVBQRUFSLTAxMjM0NTY3ODk=";
        const string Sas = "sig=SECRETSIGNATURE0123456789abcdef";
        var logs = new CapturingLoggerProvider();
        var output = new StringWriter();
        var error = new StringWriter();

        foreach (var connectionString in new[]
                 {
                     // A reachable server that rejects the key, and an unreachable one.
                     $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;",
                     $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
                     $"BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;SharedAccessSignature=sv=2023-01-03&ss=b&srt=sco&sp=rwdlac&se=2099-01-01T00:00:00Z&{Sas}",
                 })
        {
            await SyndicationCommand.RunAsync(
                ["publish", "--feeds", RepositoryPaths.Feeds, "--connection-string", connectionString, "--Syndication:Storage:MaxRetries=0"],
                output, error, builder => builder.Logging.AddProvider(logs));
        }

        var everything = string.Join('\n', logs.Lines) + output + error;
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Key, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIGNATURE", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_InvalidConnectionString_IsNeverRepeated()
    {
        var result = new SyndicationOptionsValidator().Validate(null, new SyndicationOptions
        {
            FeedsPath = RepositoryPaths.Feeds,
            Storage = new StorageOptions { ConnectionString = "AccountKey=SECRET-VALUE-123;Garbage" },
        });

        Assert.DoesNotContain("SECRET-VALUE-123", result.FailureMessage, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{azurite.Port}/devstoreaccount1/{path}"), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>Keeps every formatted log line and exception text of every category.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capture(Lines);

        public void Dispose()
        {
        }

        private sealed class Capture(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
