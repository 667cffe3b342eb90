using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

public sealed class HealthCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("syndication-health-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> RunAsync(params string[] args) => SyndicationCommand.RunAsync(["health", .. args], _output, _error);

    [Fact]
    public async Task MissingFile_ExitsOneNamingIt()
    {
        var path = Path.Combine(_folder, "health.json");

        Assert.Equal(1, await RunAsync($"--Syndication:HealthFile={path}"));

        Assert.Contains($"no health file at {path}", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_ReadsTheHealthFileInTheOutputsStateFolder()
    {
        var now = DateTimeOffset.UtcNow;
        new HealthRecord(now, now, TimeSpan.FromMinutes(5), null).Write(Path.Combine(_folder + ".syndication-state", "health.json"));

        Assert.Equal(0, await RunAsync("--out", _folder));

        Assert.StartsWith("healthy: ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastRunFailed_IsUnhealthyAtOnceThoughTheLastSuccessIsRecent()
    {
        var path = Path.Combine(_folder, "health.json");
        var now = DateTimeOffset.UtcNow;
        new HealthRecord(now, now.AddMinutes(-5), TimeSpan.FromMinutes(5), "feed 'world': storage answered 503").Write(path);

        Assert.Equal(1, await RunAsync($"--Syndication:HealthFile={path}"));

        Assert.Contains("the last run, at", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed: feed 'world': storage answered 503", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_WithoutARun_NamesTheFileItLookedFor()
    {
        Assert.Equal(1, await RunAsync("--out", _folder));

        Assert.Contains(Path.Combine(_folder + ".syndication-state", "health.json"), _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultHealthFile_IsInTheUsersStateFolderNotTheSharedTemporaryOne()
    {
        var path = new WorkerOptions().HealthFile;

        Assert.EndsWith(Path.Combine("syndication", "health.json"), path, StringComparison.Ordinal);
        Assert.False(path.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), path);
        Assert.True(Path.IsPathFullyQualified(path), path);
    }

    [Fact]
    public void Write_CreatesTheFolderOfTheHealthFile()
    {
        var path = Path.Combine(_folder, "state", "syndication", "health.json");

        new HealthRecord(DateTimeOffset.UnixEpoch, null, TimeSpan.FromMinutes(5), "x").Write(path);

        Assert.Equal("x", HealthRecord.Read(path)?.LastError);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        if (Directory.Exists(_folder + ".syndication-state"))
        {
            Directory.Delete(_folder + ".syndication-state", recursive: true);
        }
    }
}
