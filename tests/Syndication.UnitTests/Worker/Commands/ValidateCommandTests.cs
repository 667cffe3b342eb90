using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("syndication-validate-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public ValidateCommandTests() =>
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "a")).FullName, "feed.json"),
            """{ "title": "T", "description": "D", "link": "https://example.com/t/", "language": "en", "author": { "name": "A" } }""");

    private Task<int> RunAsync(params string[] args) => SyndicationCommand.RunAsync(["validate", "--feeds", _root, .. args], _output, _error);

    [Fact]
    public async Task Validate_Clean_ExitsZeroWithoutStorageSettings()
    {
        File.WriteAllText(Path.Combine(_root, "a", "one.txt"), "One\n\nBody.\n");

        Assert.Equal(0, await RunAsync());
        Assert.Contains("1 feeds, 1 articles", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitsTwoAndPrintsFileAndLine()
    {
        var path = Path.Combine(_root, "a", "one.txt");
        File.WriteAllText(path, "One\n\nBody.\n\nRead also: Missing story\n");

        Assert.Equal(2, await RunAsync());
        Assert.Contains($"{path}:5: warning: related title 'Missing story'", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AnyError_ExitsOne()
    {
        File.WriteAllText(Path.Combine(_root, "a", "one.txt"), string.Empty);
        File.WriteAllText(Path.Combine(_root, "a", "two.txt"), "Two\n\nBody.\n\nRead also: Missing story\n");

        Assert.Equal(1, await RunAsync());
        Assert.Contains("one.txt: error: the file is empty", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_GivesTheSameReportAsJson()
    {
        File.WriteAllText(Path.Combine(_root, "a", "one.txt"), string.Empty);
        File.WriteAllText(Path.Combine(_root, "a", "two.txt"), "Two\n\nBody.\n\nRead also: Missing story\n");

        Assert.Equal(1, await RunAsync("--json"));

        var report = JsonDocument.Parse(_output.ToString()).RootElement;
        Assert.Equal(1, report.GetProperty("errors").GetInt32());
        Assert.Equal(1, report.GetProperty("warnings").GetInt32());
        var diagnostics = report.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["error", "warning"], diagnostics.Select(d => d.GetProperty("severity").GetString()));
        Assert.Equal(JsonValueKind.Null, diagnostics[0].GetProperty("line").ValueKind);
        Assert.Equal(5, diagnostics[1].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsOneNamingIt()
    {
        Assert.Equal(1, await SyndicationCommand.RunAsync(["validate", "--feeds", "/no/such/feeds"], _output, _error));
        Assert.Contains("/no/such/feeds", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonOnAMissingFolder_PrintsTheErrorAsJson()
    {
        Assert.Equal(1, await SyndicationCommand.RunAsync(["validate", "--json", "--feeds", "/no/such/feeds"], _output, _error));

        var report = JsonDocument.Parse(_output.ToString()).RootElement;
        Assert.Equal(1, report.GetProperty("errors").GetInt32());
        Assert.Contains("/no/such/feeds", report.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", Assert.Single(report.GetProperty("diagnostics").EnumerateArray()).GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Validate_JsonWithAnUnknownSetting_PrintsTheErrorAsJson()
    {
        Assert.Equal(1, await RunAsync("--json", "--Syndication:Articles:MaxRelatd=3"));

        var report = JsonDocument.Parse(_output.ToString()).RootElement;
        Assert.Contains("Syndication:Articles:MaxRelatd is not a setting", report.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReadsItsSettingsFromTheHostConfiguration()
    {
        File.WriteAllText(Path.Combine(_root, "a", "one.txt"), "One\n\nBody.\n\nRead also: Missing story\nRead also: Other story\n");

        await SyndicationCommand.RunAsync(["validate", "--feeds", _root], _output, _error,
            builder => builder.Configuration.AddInMemoryCollection([new("Syndication:Articles:MaxRelated", "1")]));

        Assert.Contains("2 related links; only the first 1 are kept", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonWithAMisspeltOption_PrintsTheErrorAsJson()
    {
        Assert.Equal(1, await RunAsync("--json", "--jsno"));

        var report = JsonDocument.Parse(_output.ToString()).RootElement;
        Assert.Equal(_root, report.GetProperty("feedsPath").GetString());
        Assert.Contains("--jsno", report.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownOption_ExitsOne() =>
        Assert.Equal(1, await SyndicationCommand.RunAsync(["validate", "--nonsense", "x"], _output, _error));

    [Fact]
    public async Task Publish_JsonFlag_IsRefused() =>
        Assert.Equal(ExitCodes.InvalidConfiguration, await SyndicationCommand.RunAsync(["publish", "--json"], _output, _error));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
