using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

public sealed class HelpTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private Task<int> RunAsync(params string[] args) => SyndicationCommand.RunAsync(args, _output, _error);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RootHelp_ExitsZeroListingEveryCommandTheCommonOptionsAndTheExitCodes(string help)
    {
        Assert.Equal(0, await RunAsync(help));

        var text = _output.ToString();
        foreach (var command in new[] { "publish", "run", "validate", "health" })
        {
            Assert.Contains($"\n  {command} ", text, StringComparison.Ordinal);
        }

        Assert.Contains("-q, --quiet", text, StringComparison.Ordinal);
        Assert.Contains("--verbose", text, StringComparison.Ordinal);
        Assert.Contains("--version", text, StringComparison.Ordinal);
        Assert.Contains("--Syndication:Key=VALUE", text, StringComparison.Ordinal);
        Assert.Contains("Exit codes:\n  0  publish: every feed published.", text, StringComparison.Ordinal);
        Assert.Contains("\n  2  publish: every feed published, but some articles rejected", text, StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Theory]
    [InlineData("publish", "--feeds", "--connection-string", "--service-uri", "--container", "--public-base-url", "--out",
        "--allow-mass-delete", "--dry-run", "--feed", "--state", "--quiet", "--verbose")]
    [InlineData("run", "--feeds", "--connection-string", "--service-uri", "--container", "--public-base-url", "--out", "--interval", "--schedule",
        "--allow-mass-delete", "--dry-run", "--feed", "--state", "--quiet", "--verbose")]
    [InlineData("validate", "--feeds", "--json", "--quiet", "--verbose")]
    [InlineData("health", "--out", "--quiet", "--verbose")]
    public async Task CommandHelp_ExitsZeroListingItsOptions(string command, params string[] options)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            _output.GetStringBuilder().Clear();

            Assert.Equal(0, await RunAsync(command, help));

            var text = _output.ToString();
            Assert.Contains($"syndication {command} [options]", text, StringComparison.Ordinal);
            Assert.Equal(options.Order(StringComparer.Ordinal), HelpText.Options(text).Where(o => o is not "--help").Order(StringComparer.Ordinal));
            Assert.DoesNotContain("Exit codes:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_ExitsOneWithTheUsageOnStandardError()
    {
        Assert.Equal(1, await RunAsync());

        Assert.Empty(_output.ToString());
        Assert.Contains("syndication [command] [options]", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n  publish ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltOption_ExitsOneSuggestingTheRightOne()
    {
        Assert.Equal(1, await RunAsync("publish", "--feedz", "x"));

        Assert.Contains("'--feedz' was not matched. Did you mean one of the following?\n--feeds", _error.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltCommand_ExitsOneSuggestingTheRightOne()
    {
        Assert.Equal(1, await RunAsync("pubish"));

        Assert.Contains("'pubish' was not matched. Did you mean one of the following?\npublish", _error.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionOfAnotherCommand_ExitsOne()
    {
        Assert.Equal(1, await RunAsync("health", "--feed", "world"));

        Assert.Contains("--feed", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDuration_ExitsOneNamingTheOptionAndItsSetting()
    {
        Assert.Equal(1, await RunAsync("run", "--interval", "soon"));

        Assert.Contains("--interval (Syndication:Interval) must be a duration such as 00:05:00, not 'soon'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheGeneratorVersion()
    {
        Assert.Equal(0, await RunAsync("--version"));

        Assert.Equal($"syndication {Syndication.Formats.FeedGenerator.Version}", _output.ToString().Trim());
    }
}
