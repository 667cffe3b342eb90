using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Faults;

/// <summary>
/// Azurite killed (SIGKILL) in the middle of publishing many feeds, then restarted and published again: the final
/// state is complete, and a reader polling all the while never gets a truncated, empty or invalid document.
/// </summary>
public sealed class StorageCrashTests : IDisposable
{
    private const int Feeds = 12;
    private const int ArticlesPerFeed = 15;
    private static readonly HttpClient Http = new();
    private readonly string _feeds = Directory.CreateTempSubdirectory("syndication-crash-feeds-").FullName;
    private readonly string _location = Directory.CreateTempSubdirectory("syndication-crash-azurite-").FullName;

    public StorageCrashTests()
    {
        for (var f = 0; f < Feeds; f++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_feeds, $"f{f:D2}")).FullName;
            File.WriteAllText(Path.Combine(folder, "feed.json"), $$"""{ "title": "Feed {{f}}", "description": "D", "link": "https://example.com/f{{f}}/", "language": "en", "author": { "name": "A" } }""");
            for (var a = 0; a < ArticlesPerFeed; a++)
            {
                var published = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(a).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                File.WriteAllText(Path.Combine(folder, $"{a:D3}.txt"),
                    $"---\npublished: {published}\n---\nFeed {f} story {a}\n\n{string.Join(' ', Enumerable.Repeat($"Text of story {a} in feed {f}.", 80))}\n");
            }
        }
    }

    [Fact]
    public async Task KilledMidPublish_ThenRestarted_EndsCompleteAndNeverServesABrokenDocument()
    {
        var port = AzuriteFixture.FreePort();
        var azurite = await AzuriteFixture.StartAsync(port, _location);
        var options = new Syndication.Publishing.SyndicationOptions
        {
            FeedsPath = _feeds,
            PageSize = 4,
            Storage = new Syndication.Storage.StorageOptions { ConnectionString = AzuriteFixture.ConnectionStringFor(port), Container = "crash", MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(3) },
        };
        var invalid = new ConcurrentQueue<string>();
        var validResponses = 0;
        var passes = 0;
        using var stopReading = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var names = Enumerable.Range(0, Feeds).SelectMany(f => new[] { $"f{f:D2}/rss.xml", $"f{f:D2}/atom.xml", $"f{f:D2}/feed.json", $"f{f:D2}/archive/1.xml" }).ToArray();
            while (!stopReading.IsCancellationRequested)
            {
                foreach (var name in names)
                {
                    try
                    {
                        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1/crash/{name}"), stopReading.Token);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            continue; // not published yet, or storage down: a reader retries later
                        }

                        var body = await response.Content.ReadAsStringAsync(stopReading.Token);
                        if (Validate(name, body) is string problem)
                        {
                            invalid.Enqueue($"{name}: {problem}");
                        }
                        else
                        {
                            Interlocked.Increment(ref validResponses);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // Storage is down or the connection dropped mid-response: no document was served.
                    }
                }

                Interlocked.Increment(ref passes);
            }
        }, TestContext.Current.CancellationToken);

        try
        {
            var publishing = AzuriteFixture.CreatePublisher(options, TimeProvider.System).PublishAsync(TestContext.Current.CancellationToken);
            await Eventually.TrueAsync(async () => await CountAsync(port) >= 20, "some feeds are out, most are not", TimeSpan.FromSeconds(30));
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(TestContext.Current.CancellationToken);
            azurite.Dispose();
            try
            {
                var interrupted = await publishing; // the run cannot finish without storage: feeds fail, or the run does
                Assert.False(interrupted.Succeeded);
            }
            catch (Syndication.Storage.StorageException)
            {
            }

            azurite = await AzuriteFixture.StartAsync(port, _location);
            await AzuriteFixture.BreakLeasesAsync(new Azure.Storage.Blobs.BlobServiceClient(options.Storage.ConnectionString).GetBlobContainerClient(options.Storage.EffectiveStateContainer));
            var report = await AzuriteFixture.CreatePublisher(options, TimeProvider.System).PublishAsync(TestContext.Current.CancellationToken);
            Assert.True(report.Succeeded, string.Join("; ", report.Feeds.Select(f => f.Error)));
            // Two more passes, so that one whole pass of the reader reads the final state.
            var before = Volatile.Read(ref passes);
            await Eventually.TrueAsync(() => Volatile.Read(ref passes) >= before + 2, "the reader reads every document once more");
            await stopReading.CancelAsync();
            await reader;

            Assert.Empty(invalid);
            Assert.True(validResponses > 0);
            for (var f = 0; f < Feeds; f++)
            {
                Assert.Equal(ArticlesPerFeed, await WalkAsync(port, $"f{f:D2}/atom.xml"));
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await AzuriteFixture.StopAsync(azurite);
        }
    }

    public void Dispose()
    {
        Directory.Delete(_feeds, recursive: true);
        Directory.Delete(_location, recursive: true);
    }

    private static string? Validate(string name, string body)
    {
        if (body.Length == 0)
        {
            return "empty";
        }

        try
        {
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.GetProperty("items").GetArrayLength() > 0 ? null : "no items";
            }

            var xml = XDocument.Parse(body);
            return xml.Root!.Descendants().Any(e => e.Name.LocalName is "entry" or "item") ? null : "no entries";
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    private static async Task<int> CountAsync(int port)
    {
        var client = new Azure.Storage.Blobs.BlobServiceClient(AzuriteFixture.ConnectionStringFor(port)).GetBlobContainerClient("crash");
        if (!await client.ExistsAsync())
        {
            return 0;
        }

        return await client.GetBlobsAsync().CountAsync();
    }

    private static async Task<int> WalkAsync(int port, string start)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = new HashSet<string>();
        for (Uri? url = new($"http://127.0.0.1:{port}/devstoreaccount1/crash/{start}"); url is not null;)
        {
            var feed = XDocument.Parse(await Http.GetStringAsync(url)).Root!;
            foreach (var id in feed.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value))
            {
                Assert.True(entries.Add(id), $"{id} twice");
            }

            var previous = feed.Elements(atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "prev-archive")?.Attribute("href")?.Value;
            url = previous is null ? null : new Uri(previous);
        }

        return entries.Count;
    }
}
