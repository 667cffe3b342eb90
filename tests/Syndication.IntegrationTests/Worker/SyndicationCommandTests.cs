using System.Diagnostics;
using Syndication.Tests.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class SyndicationCommandTests(AzuriteFixture azurite)
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> RunAsync(params string[] args) => SyndicationCommand.RunAsync(args, _output, _error);

    [Fact]
    public async Task Publish_SampleFeeds_ExitsZeroAndPrintsTheFeedUrls()
    {
        var container = AzuriteFixture.NewContainerName();

        var exitCode = await RunAsync("publish", "--feeds", RepositoryPaths.Feeds, "--connection-string", azurite.ConnectionString, "--container", container);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"http://127.0.0.1:{azurite.Port}/devstoreaccount1/{container}/world/rss.xml", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{azurite.Port}/devstoreaccount1/{container}/world/atom.xml", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", _output.ToString() + _error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishDryRun_SampleFeeds_PrintsWhatWouldBeUploadedAndWritesNothing()
    {
        var output = Path.Combine(Path.GetTempPath(), "syndication-dry-" + Guid.NewGuid().ToString("N"));

        var exitCode = await RunAsync("publish", "--dry-run", "--feeds", RepositoryPaths.Feeds, "--out", output, "--public-base-url", "https://feeds.example.org/");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("  would upload 4: world/", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was written.", _output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), $"the dry run wrote {output}");
    }

    [Fact]
    public async Task PublishDryRun_OneFeed_TellsOnlyAboutThatFeed()
    {
        var output = Path.Combine(Path.GetTempPath(), "syndication-dry-" + Guid.NewGuid().ToString("N"));

        var exitCode = await RunAsync("publish", "--dry-run", "--feed", "newsroom", "--feed", "tags/ukraine", "--feeds", RepositoryPaths.Feeds, "--out", output,
            "--public-base-url", "https://feeds.example.org/");

        Assert.Equal(ExitCodes.Success, exitCode);
        var printed = _output.ToString();
        Assert.Contains("Dry run: 2 of 2 feeds would change", printed, StringComparison.Ordinal);
        Assert.Contains("would upload 4: newsroom/", printed, StringComparison.Ordinal);
        Assert.Contains("would upload 4: tags/ukraine/", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("world/rss.xml", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_StorageUnreachable_ExitsOneWithAMessage()
    {
        var exitCode = await RunAsync("publish", "--feeds", RepositoryPaths.Feeds, "--Syndication:Storage:MaxRetries=0",
            "--connection-string", AzuriteFixture.UnreachableConnectionString);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("\nPublishing failed: ", "\n" + _error, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Syndication:Storage:ConnectionString", "publish", "--feeds", "{feeds}")]
    [InlineData("Syndication:FeedsPath", "publish", "--feeds", "/no/such/folder", "--connection-string", "UseDevelopmentStorage=true")]
    [InlineData("--interval (Syndication:Interval)", "run", "--feeds", "{feeds}", "--connection-string", "UseDevelopmentStorage=true", "--interval", "soon")]
    [InlineData("Syndication:Interval", "run", "--feeds", "{feeds}", "--connection-string", "UseDevelopmentStorage=true", "--Syndication:Interval=soon")]
    [InlineData("Syndication:Storage:Container", "publish", "--feeds", "{feeds}", "--connection-string", "UseDevelopmentStorage=true", "--container", "Bad_Name")]
    [InlineData("Syndication:Storage:PublicAccess", "publish", "--feeds", "{feeds}", "--connection-string", "UseDevelopmentStorage=true", "--Syndication:Storage:PublicAccess=everyone")]
    [InlineData("'--nonsense'", "publish", "--nonsense", "1")]
    [InlineData("Syndication:Storag:Container is not a setting", "publish", "--feeds", "{feeds}", "--connection-string", "UseDevelopmentStorage=true", "--Syndication:Storag:Container", "x")]
    public async Task Run_InvalidConfiguration_ExitsOneNamingTheSetting(string setting, params string[] args)
    {
        var exitCode = await RunAsync(args.Select(a => a.Replace("{feeds}", RepositoryPaths.Feeds, StringComparison.Ordinal)).ToArray());

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains(setting, _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidWorkerAndLibrarySettings_NamesBothAtOnce()
    {
        var exitCode = await RunAsync("run", "--feeds", RepositoryPaths.Feeds, "--connection-string", "UseDevelopmentStorage=true",
            "--schedule", "whenever", "--container", "Bad_Name", "--Syndication:Storag:Container=x");

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.StartsWith("Invalid configuration:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Syndication:Schedule 'whenever'", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Syndication:Storage:Container 'Bad_Name'", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Syndication:Storag:Container is not a setting", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SomeArticleRejected_ExitsTwoNamingTheFile()
    {
        using var feeds = new TemporaryFeedsFolder();
        var bad = feeds.Write("world/009_empty.txt", string.Empty);

        var exitCode = await RunAsync("publish", "--feeds", feeds.Path, "--connection-string", azurite.ConnectionString, "--container", AzuriteFixture.NewContainerName());

        Assert.Equal(ExitCodes.PartlyPublished, exitCode);
        Assert.Contains($"{bad}: error: the file is empty; skipped", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ArticleDatedInTheFuture_ExitsZeroAndSaysHowManyAreHeldAndUntilWhen()
    {
        using var feeds = new TemporaryFeedsFolder();
        feeds.Write("world/009_later.md", "---\npublished: 2199-01-01T00:00:00Z\n---\n# Later\n\nBody.\n");
        feeds.Write("world/010_latest.md", "---\npublished: 2199-06-01T00:00:00Z\n---\n# Latest\n\nBody.\n");

        var exitCode = await RunAsync("publish", "--feeds", feeds.Path, "--connection-string", azurite.ConnectionString, "--container", AzuriteFixture.NewContainerName());

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Held: 2 articles dated in the future, published at their date; the first at 2199-01-01 00:00:00Z", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ArticleDatedInTheFuture_ListsItAsInformationWithTheSameExitCode()
    {
        using var feeds = new TemporaryFeedsFolder();
        var without = await RunAsync("validate", "--feeds", feeds.Path);
        var later = feeds.Write("world/009_later.md", "---\npublished: 2199-01-01T00:00:00Z\n---\n# Later\n\nBody.\n");

        var with = await RunAsync("validate", "--feeds", feeds.Path);

        Assert.Equal(without, with);
        Assert.Contains($"{later}: info: held until 2199-01-01 00:00:00Z", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_RecentSuccess_IsHealthyAndStaleIsNot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"health-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(1, await RunAsync("health", "--Syndication:HealthFile=" + path));
            Assert.Contains("no health file", _error.ToString(), StringComparison.Ordinal);

            var now = DateTimeOffset.UtcNow;
            new HealthRecord(now, now.AddMinutes(-14), TimeSpan.FromMinutes(5), null).Write(path);
            Assert.Equal(0, await RunAsync("health", "--Syndication:HealthFile=" + path));

            new HealthRecord(now, now.AddMinutes(-16), TimeSpan.FromMinutes(5), "storage answered 503").Write(path);
            Assert.Equal(1, await RunAsync("health", "--Syndication:HealthFile=" + path));
            Assert.Contains("storage answered 503", _error.ToString(), StringComparison.Ordinal);

            new HealthRecord(now, now.AddMinutes(-16), TimeSpan.FromMinutes(5), null).Write(path);
            Assert.Equal(1, await RunAsync("health", "--Syndication:HealthFile=" + path));
            Assert.Contains("more than 3 ×", _error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Process_PublishToAFolder_PrintsTheSummaryAloneOnStandardOutputAndTheLogsOnStandardError()
    {
        var folder = Directory.CreateTempSubdirectory("syndication-process-").FullName;
        try
        {
            var (exitCode, output, error) = await RunProcessAsync(["publish", "--feeds", RepositoryPaths.Feeds, "--out", folder], []);

            Assert.Equal(0, exitCode);
            var rss = new Uri(Path.Combine(folder, "world", "rss.xml")).AbsoluteUri;
            Assert.Single(output.Split('\n'), line => line.Contains(rss, StringComparison.Ordinal));
            Assert.DoesNotContain(" info: ", output, StringComparison.Ordinal);
            Assert.Contains(" info: ", error, StringComparison.Ordinal);
            // Each URL once on a terminal that shows both streams: the summary names it, the logs do not.
            Assert.DoesNotContain(rss, error, StringComparison.Ordinal);
            // Standard error is not a terminal here: no progress line.
            Assert.DoesNotContain("\u001b[K", error, StringComparison.Ordinal);
        }
        finally
        {
            OutputFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task Process_UnknownKeyInTheEnvironment_ExitsOneNamingTheVariable()
    {
        var (exitCode, output, error) = await RunProcessAsync(["validate", "--feeds", RepositoryPaths.Feeds], new() { ["Syndication__Storag__Container"] = "x" });

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("Syndication:Storag:Container is not a setting (the environment variable Syndication__Storag__Container)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_HealthWithoutSettings_ReadsTheFileInTheXdgStateFolder()
    {
        var state = Directory.CreateTempSubdirectory("syndication-state-").FullName;
        try
        {
            var (exitCode, _, error) = await RunProcessAsync(["health"], new() { ["XDG_STATE_HOME"] = state });

            Assert.Equal(1, exitCode);
            Assert.Contains($"no health file at {Path.Combine(state, "syndication", "health.json")}", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    // The built command as a process of its own, for what only a real process shows: its own standard streams and environment.
    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "syndication.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }
}
