using System.Net;
using Azure.Storage.Blobs.Models;
using Syndication.Formats;
using Syndication.Publishing;
using Syndication.Tests.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Publishing;

/// <summary>
/// Publishing to <c>$web</c>, the container Azure serves at the static website endpoint. Azurite has no such endpoint,
/// so the tests check the blobs the endpoint would serve: <c>&lt;folder&gt;/index.html</c> for <c>&lt;folder&gt;/</c>.
/// </summary>
/// <remarks>An account has one <c>$web</c>: this class has an Azurite of its own, and its tests run one at a time.</remarks>
public sealed class StaticWebsiteTests(OwnAccountFixture account) : IClassFixture<OwnAccountFixture>, IDisposable
{
    private const string Web = "$web";
    private static readonly Uri Endpoint = new("https://account.z6.web.core.windows.net/");

    private readonly TemporaryFeedsFolder _feeds = new();

    private SyndicationOptions StaticWebsiteOptions()
    {
        var options = account.OptionsFor(Web, _feeds.Path);
        options.PublicBaseUrl = Endpoint;
        return options;
    }

    [Fact]
    public async Task PublishAsync_ToStaticWebsite_WritesAnIndexDocumentInEveryFolderAndTheStateElsewhere()
    {
        var report = await AzuriteFixture.CreatePublisher(StaticWebsiteOptions(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, string.Join("; ", report.Feeds.Select(f => f.Error)));
        var client = account.CreateClient();
        var web = await ListAsync(client.GetBlobContainerClient(Web));
        // Every folder with documents, and every folder above one: the site root, each feed's folder, and the folders
        // of derived feeds (tags/, authors/), but not the archive folders, which hold fixed pages readers follow by link.
        var folders = web.Keys.Where(n => !n.Contains("/archive/", StringComparison.Ordinal))
            .SelectMany(n => n.Split('/')[..^1].Select((_, i) => string.Join('/', n.Split('/')[..(i + 1)]) + "/"))
            .Prepend(string.Empty).Distinct().ToList();
        Assert.Contains("world/", folders);
        Assert.Contains("newsroom/", folders);
        Assert.Contains("tags/", folders);
        Assert.Contains("tags/ukraine/", folders);
        Assert.Contains("authors/", folders);
        Assert.Contains("all/", folders);
        Assert.All(folders, folder =>
        {
            Assert.True(web.TryGetValue(folder + "index.html", out var contentType), $"no index document in '{folder}'");
            Assert.Equal("text/html; charset=utf-8", contentType);
        });

        // The state is in the private container, not in what the endpoint serves to anyone.
        var state = await ListAsync(client.GetBlobContainerClient("web-state"));
        Assert.Contains("$web/world/state.json", state.Keys);
        Assert.DoesNotContain(web.Keys, n => n.EndsWith("state.json", StringComparison.Ordinal) || n.EndsWith("published.json", StringComparison.Ordinal));
        var webAccess = await client.GetBlobContainerClient(Web).GetAccessPolicyAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PublicAccessType.None, webAccess.Value.BlobPublicAccess);
    }

    [Fact]
    public async Task PublishAsync_ToStaticWebsite_LinksTheFeedPagesUnderTheEndpoint()
    {
        await AzuriteFixture.CreatePublisher(StaticWebsiteOptions(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);

        var root = (await account.CreateClient().GetBlobContainerClient(Web).GetBlobClient("index.html")
            .DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();

        Assert.Contains("href=\"https://account.z6.web.core.windows.net/world/index.html\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"https://account.z6.web.core.windows.net/world/rss.xml\"", root, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", root, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_ToStaticWebsiteAgain_UploadsNothing()
    {
        await AzuriteFixture.CreatePublisher(StaticWebsiteOptions(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);

        var again = await AzuriteFixture.CreatePublisher(StaticWebsiteOptions(), TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded);
        Assert.All(again.Feeds, f => Assert.Equal(0, f.Uploaded));
    }

    [Fact]
    public async Task PublishCommand_ToStaticWebsite_ExitsZeroAndPrintsTheEndpointsUrls()
    {
        using StringWriter output = new(), error = new();

        var exitCode = await SyndicationCommand.RunAsync(
            ["publish", "--feeds", _feeds.Path, "--connection-string", AzuriteFixture.ConnectionStringFor(account.Port), "--container", Web,
             "--public-base-url", Endpoint.AbsoluteUri], output, error);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        Assert.Contains("https://account.z6.web.core.windows.net/world/rss.xml", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishCommand_ToStaticWebsiteWithoutItsEndpoint_ExitsOneNamingTheSetting()
    {
        using StringWriter output = new(), error = new();

        var exitCode = await SyndicationCommand.RunAsync(
            ["publish", "--feeds", _feeds.Path, "--connection-string", AzuriteFixture.ConnectionStringFor(account.Port), "--container", Web], output, error);

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("Syndication:PublicBaseUrl (--public-base-url) must be set", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WithCors_AddsTheRuleAndKeepsTheAccountsOtherRulesAndProperties()
    {
        var service = account.CreateClient();
        var theirs = new BlobCorsRule
        {
            AllowedOrigins = "https://cms.example", AllowedMethods = "GET,PUT", AllowedHeaders = "x-ms-*", ExposedHeaders = "x-ms-*", MaxAgeInSeconds = 60,
        };
        // As an operator would: the account's properties read, changed and written back whole.
        var before = (await service.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value;
        before.Cors = [theirs];
        before.DeleteRetentionPolicy = new BlobRetentionPolicy { Enabled = true, Days = 7 };
        await service.SetPropertiesAsync(before, TestContext.Current.CancellationToken);
        var container = AzuriteFixture.NewContainerName();
        var options = account.OptionsFor(container, _feeds.Path);
        options.Storage.Cors = true;

        await AzuriteFixture.CreatePublisher(options, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);
        await AzuriteFixture.CreatePublisher(options, TestClock.Create()).PublishAsync(TestContext.Current.CancellationToken);

        var properties = (await service.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value;
        Assert.Equal(["https://cms.example", "*"], properties.Cors.Select(r => r.AllowedOrigins));
        Assert.Equal(("GET,PUT", "x-ms-*", 60), (properties.Cors[0].AllowedMethods, properties.Cors[0].AllowedHeaders, properties.Cors[0].MaxAgeInSeconds));
        Assert.Equal(("GET,HEAD", "ETag,Last-Modified,Content-Type"), (properties.Cors[1].AllowedMethods, properties.Cors[1].ExposedHeaders));
        Assert.Equal((true, 7), (properties.DeleteRetentionPolicy.Enabled, properties.DeleteRetentionPolicy.Days));

        // What a browser sees: the preflight of a conditional GET from a reader's page is allowed.
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, account.UrlOf(container, "world/rss.xml"));
        preflight.Headers.Add("Origin", "https://reader.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var answer = await http.SendAsync(preflight, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        // Azure answers "*" for a rule of any origin, Azurite the origin itself: either lets the browser read.
        Assert.Contains(Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")), new[] { "*", "https://reader.example" });
    }

    private static async Task<Dictionary<string, string?>> ListAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var blobs = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            blobs[blob.Name] = blob.Properties.ContentType;
        }

        return blobs;
    }

    public void Dispose() => _feeds.Dispose();
}
