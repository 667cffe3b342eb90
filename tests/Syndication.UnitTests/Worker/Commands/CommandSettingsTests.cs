using Microsoft.Extensions.Configuration;
using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

/// <summary>What configuration the host ends up with for the options of a command line.</summary>
public sealed class CommandSettingsTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    // The feeds folder does not exist, so the command stops at the validation of its settings, with them all read.
    private async Task<IConfiguration> ConfigurationOf(params string[] args)
    {
        IConfiguration? configuration = null;
        await SyndicationCommand.RunAsync([.. args, "--feeds", "/no/such/feeds"], _output, _error, builder => configuration = builder.Configuration);
        return configuration ?? throw new InvalidOperationException($"No host was built: {_error}");
    }

    [Fact]
    public async Task RepeatedFeed_EndsAsOnlyFeedsInOrder()
    {
        var configuration = await ConfigurationOf("publish", "--out", "/tmp/out", "--feed", "a", "--feed", "b");

        Assert.Equal(["a", "b"], configuration.GetSection("Syndication:OnlyFeeds").Get<string[]>() ?? []);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("run")]
    public async Task DryRunAndState_SetTheirKeys(string command)
    {
        var configuration = await ConfigurationOf(command, "--out", "/tmp/out", "--dry-run", "--state", "/var/lib/syndication");

        Assert.Equal("true", configuration["Syndication:DryRun"]);
        Assert.Equal("/var/lib/syndication", configuration["Syndication:StatePath"]);
        Assert.Null(configuration["Syndication:OnlyFeeds:0"]);
    }

    [Fact]
    public async Task OptionsNotGiven_SetNothing()
    {
        var configuration = await ConfigurationOf("publish", "--out", "/tmp/out");

        Assert.Null(configuration["Syndication:DryRun"]);
        Assert.Null(configuration["Syndication:StatePath"]);
        Assert.Null(configuration["Syndication:Deletion:AllowMassDelete"]);
        Assert.Null(configuration["Syndication:Interval:Extra"]);
    }

    [Fact]
    public async Task EveryValueOption_SetsItsKey()
    {
        var configuration = await ConfigurationOf("run", "--connection-string", "UseDevelopmentStorage=true", "--service-uri", "https://account.blob.core.windows.net/",
            "--container", "box", "--public-base-url", "https://cdn.example.com/feeds/", "--interval", "00:10:00", "--schedule", "*/5 * * * *",
            "--allow-mass-delete", "--out", "/tmp/out");

        Assert.Equal("/no/such/feeds", configuration["Syndication:FeedsPath"]);
        Assert.Equal("UseDevelopmentStorage=true", configuration["Syndication:Storage:ConnectionString"]);
        Assert.Equal("https://account.blob.core.windows.net/", configuration["Syndication:Storage:ServiceUri"]);
        Assert.Equal("box", configuration["Syndication:Storage:Container"]);
        Assert.Equal("https://cdn.example.com/feeds/", configuration["Syndication:PublicBaseUrl"]);
        Assert.Equal("00:10:00", configuration["Syndication:Interval"]);
        Assert.Equal("*/5 * * * *", configuration["Syndication:Schedule"]);
        Assert.Equal("true", configuration["Syndication:Deletion:AllowMassDelete"]);
        Assert.Equal("/tmp/out", configuration["Syndication:OutputPath"]);
    }

    [Theory]
    [InlineData("--Syndication:Storage:CacheControl=no-cache")]
    [InlineData("--Syndication:Storage:CacheControl", "no-cache")]
    [InlineData("--syndication:storage:cachecontrol=no-cache")]
    public async Task SettingTokens_PassThroughAsConfiguration(params string[] tokens)
    {
        var configuration = await ConfigurationOf(["publish", "--out", "/tmp/out", .. tokens]);

        Assert.Equal("no-cache", configuration["Syndication:Storage:CacheControl"]);
    }

    [Fact]
    public async Task OptionAndToken_TheOptionWins()
    {
        var configuration = await ConfigurationOf("publish", "--out", "/tmp/out", "--container", "option", "--Syndication:Storage:Container=token");

        Assert.Equal("option", configuration["Syndication:Storage:Container"]);
    }

    [Fact]
    public async Task Out_PutsTheHealthFileInTheStateFolderBesideIt()
    {
        var configuration = await ConfigurationOf("run", "--out", "/tmp/out");

        Assert.Equal("/tmp/out.syndication-state/health.json", configuration["Syndication:HealthFile"]);
    }

    [Fact]
    public async Task OutAndState_PutsTheHealthFileInTheGivenStateFolder()
    {
        var configuration = await ConfigurationOf("run", "--out", "/tmp/out", "--state", "/var/lib/syndication");

        Assert.Equal("/var/lib/syndication/health.json", configuration["Syndication:HealthFile"]);
    }

    [Fact]
    public async Task ExplicitHealthFile_WinsOverTheOutputFolder()
    {
        var configuration = await ConfigurationOf("run", "--out", "/tmp/out", "--Syndication:HealthFile=/run/health.json");

        Assert.Equal("/run/health.json", configuration["Syndication:HealthFile"]);
    }
}
