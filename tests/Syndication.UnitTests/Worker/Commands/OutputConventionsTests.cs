using Microsoft.Extensions.Configuration;
using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

/// <summary>What goes where: the summary once on standard output, logs on standard error at the level asked for.</summary>
public sealed class OutputConventionsTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("syndication-cli-out-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> PublishAsync(params string[] args) =>
        SyndicationCommand.RunAsync(["publish", "--feeds", RepositoryPaths.Feeds, "--out", _out, .. args], _output, _error);

    [Fact]
    public async Task Publish_SamplesToAFolder_PrintsOnlyTheSummaryOnStandardOutputWithEachUrlOnce()
    {
        Assert.Equal(0, await PublishAsync());

        var lines = _output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var urls = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains(new Uri(Path.Combine(_out, "world", "rss.xml")).AbsoluteUri, urls);
        Assert.Contains(new Uri(Path.Combine(_out, "feeds.opml")).AbsoluteUri, urls);
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.All(lines.Where(l => !l.StartsWith("  ", StringComparison.Ordinal)), line =>
            Assert.Matches(@"^(All feeds:|[a-z0-9/_.-]+: \d+ entries, \d+ archive pages \(\d+ documents uploaded, \d+ unchanged, \d+ deleted\))$", line));
        Assert.Contains(" info: ", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" info: ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OnATerminalShowingBothStreams_NamesEachUrlOnce()
    {
        Assert.Equal(0, await PublishAsync("--public-base-url", "https://feeds.example.com/"));

        var both = _output.ToString() + _error.ToString();
        foreach (var url in new[] { "https://feeds.example.com/world/rss.xml", "https://feeds.example.com/tags/ukraine/atom.xml", "https://feeds.example.com/feeds.opml" })
        {
            Assert.True(both.Split(url).Length == 2, $"{url} is named {both.Split(url).Length - 1} times");
        }
    }

    [Fact]
    public async Task Verbose_LogsTheUrlsOfEachFeedAtDebug()
    {
        Assert.Equal(0, await PublishAsync("--public-base-url", "https://feeds.example.com/", "--verbose"));

        Assert.Contains("Feed world is served at https://feeds.example.com/world/rss.xml", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--quiet")]
    [InlineData("-q")]
    public async Task Quiet_LogsNothingBelowWarnings(string quiet)
    {
        Assert.Equal(0, await PublishAsync(quiet));

        Assert.DoesNotContain(" info: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("All feeds:", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_LogsDebugLines()
    {
        Assert.Equal(0, await PublishAsync("--verbose"));

        Assert.Contains(" dbug: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains(" info: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_LogsNoDebugLines()
    {
        Assert.Equal(0, await PublishAsync());

        Assert.DoesNotContain(" dbug: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSettingOnTheCommandLine_ExitsOneNamingIt()
    {
        Assert.Equal(1, await PublishAsync("--Syndication:Storag:Container=x"));

        Assert.Contains("Syndication:Storag:Container is not a setting (on the command line)", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out));
    }

    [Fact]
    public async Task UnknownSettingInTheEnvironment_ExitsOneNamingTheVariable()
    {
        // A prefix of its own, so no other test sees the variable.
        var prefix = $"SYNDICATION_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Syndication__Storag__Container", "x");
        try
        {
            var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", RepositoryPaths.Feeds, "--out", _out], _output, _error,
                builder => builder.Configuration.AddEnvironmentVariables(prefix));

            Assert.Equal(1, exitCode);
            Assert.Contains("Syndication:Storag:Container is not a setting (the environment variable Syndication__Storag__Container)", _error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Syndication__Storag__Container", null);
        }
    }

    [Fact]
    public async Task Publish_BadFeedDefinition_ExitsOneListingTheFeedAsNotPublished()
    {
        using var feeds = new TemporaryFeedsFolder();
        var definition = feeds.Write("world/feed.json", "{ not json");

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", feeds.Path, "--out", _out], _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: feed 'world' was not published: {definition}", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("world/rss.xml", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("newsroom/rss.xml", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InvalidFolderName_ExitsOneListingTheFeedAsNotPublished()
    {
        using var feeds = new TemporaryFeedsFolder();
        feeds.Write("Bad Name/feed.json", File.ReadAllText(Path.Combine(RepositoryPaths.Feeds, "world", "feed.json")));

        var exitCode = await SyndicationCommand.RunAsync(["publish", "--feeds", feeds.Path, "--out", _out], _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: feed 'Bad Name' was not published:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("the feed folder name 'Bad Name' must be", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
