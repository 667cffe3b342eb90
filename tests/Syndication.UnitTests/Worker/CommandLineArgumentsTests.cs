using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void Parse_OptionsWithValues_SetTheirConfigurationKeys()
    {
        var parsed = CommandLineArguments.Parse(["publish", "--feeds", "dir", "--container=box", "--connection-string", "cs", "--Syndication:Storage:CacheControl=no-cache"]);

        Assert.Equal("publish", parsed.Command);
        Assert.Equal("dir", parsed.Settings["Syndication:FeedsPath"]);
        Assert.Equal("box", parsed.Settings["Syndication:Storage:Container"]);
        Assert.Equal("cs", parsed.Settings["Syndication:Storage:ConnectionString"]);
        Assert.Equal("no-cache", parsed.Settings["Syndication:Storage:CacheControl"]);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("publish", "--fed", "x")]
    [InlineData("publish", "--feeds")]
    [InlineData("publish", "--feed")]
    [InlineData("validate", "--dry-run")]
    public void Parse_UnknownCommandOrOptionOrMissingValue_Throws(params string[] args) =>
        Assert.Throws<FormatException>(() => CommandLineArguments.Parse(args));

    [Fact]
    public void Parse_FeedGivenTwiceAndDryRun_AreTheListOfFeedsAndTheDryRunSetting()
    {
        var parsed = CommandLineArguments.Parse(["publish", "--feed", "world", "--dry-run", "--feed", "tags/ukraine"]);

        Assert.Equal("world", parsed.Settings["Syndication:OnlyFeeds:0"]);
        Assert.Equal("tags/ukraine", parsed.Settings["Syndication:OnlyFeeds:1"]);
        Assert.Equal("true", parsed.Settings["Syndication:DryRun"]);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    public void Parse_NothingOrHelp_AsksForHelp(params string[] args) =>
        Assert.Null(CommandLineArguments.Parse(args).Command);
}
