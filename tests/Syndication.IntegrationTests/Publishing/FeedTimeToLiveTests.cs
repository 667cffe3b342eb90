using System.Xml.Linq;
using Syndication.Worker;

namespace Syndication.Tests.Publishing;

/// <summary>
/// The RSS ttl is a property of each feed (its <c>feed.json</c>, else <c>Syndication:TimeToLive</c>), not of the
/// schedule of whichever process writes it: processes on different schedules write the same documents.
/// </summary>
public sealed class FeedTimeToLiveTests : IDisposable
{
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-ttl-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task Publish_ByProcessesOnDifferentSchedules_WritesTheSameBytes()
    {
        // A worker publishing every minute, then a manual publish whose interval is an hour, into one folder.
        Assert.Equal(ExitCodes.Success, await PublishAsync("--Syndication:Schedule=*/1 * * * *"));
        var first = Documents();

        Assert.Equal(ExitCodes.Success, await PublishAsync("--Syndication:Interval=01:00:00"));

        var second = Documents();
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, document => Assert.True(document.Value.AsSpan().SequenceEqual(second[document.Key]), document.Key));
        Assert.Equal("5", Ttl("world")); // Syndication:TimeToLive's default, neither schedule
    }

    [Fact]
    public async Task Publish_FeedWithATtl_WritesItAndDerivedFeedsOfThatFeedOnlyToo()
    {
        var definition = Path.Combine(_feeds.Path, "world", "feed.json");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("\"title\": \"World\",", "\"title\": \"World\", \"ttl\": 30,", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Success, await PublishAsync("--Syndication:TimeToLive=00:15:00", "--Syndication:Interval=00:01:00"));

        Assert.Equal("30", Ttl("world"));
        Assert.Equal("15", Ttl("newsroom"));
        // Only world's articles are tagged Ukraine and by the World Desk; every feed's articles are in all.
        Assert.Equal("30", Ttl("tags/ukraine"));
        Assert.Equal("30", Ttl("authors/world-desk"));
        Assert.Equal("15", Ttl("all"));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        OutputFolder.Delete(_output);
    }

    private Task<int> PublishAsync(params string[] settings) =>
        SyndicationCommand.RunAsync(["publish", "--feeds", _feeds.Path, "--out", _output, .. settings], _stdout, _stderr);

    private string Ttl(string feed) => XDocument.Load(Path.Combine(_output, feed, "rss.xml")).Root!.Element("channel")!.Element("ttl")!.Value;

    // The published documents, without the publisher's own records (which note when each run happened).
    private Dictionary<string, byte[]> Documents() =>
        Directory.GetFiles(_output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f))
            .Where(f => !f.StartsWith(".syndication", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_output, f)), StringComparer.Ordinal);
}
