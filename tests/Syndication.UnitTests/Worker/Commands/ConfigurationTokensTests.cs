using Syndication.Worker.Commands;

namespace Syndication.Tests.Worker.Commands;

public sealed class ConfigurationTokensTests
{
    [Fact]
    public void Split_BothForms_TakesTheSettingsAndLeavesTheRest()
    {
        var tokens = ConfigurationTokens.Split(["publish", "--Syndication:Title=News", "--feeds", "dir", "--Syndication:PageSize", "20", "--quiet"]);

        Assert.Equal(["publish", "--feeds", "dir", "--quiet"], tokens.Arguments);
        Assert.Equal([new("Syndication:Title", "News"), new("Syndication:PageSize", "20")], tokens.Settings);
    }

    [Fact]
    public void Split_ValueWithEquals_KeepsEverythingAfterTheFirst() =>
        Assert.Equal("a=b", ConfigurationTokens.Split(["--Syndication:Storage:ConnectionString=a=b"]).Settings.Single().Value);

    [Fact]
    public void Split_LastTokenWithoutValue_Throws() =>
        Assert.Throws<FormatException>(() => ConfigurationTokens.Split(["publish", "--Syndication:Title"]));

    [Fact]
    public void Split_AfterDoubleDash_LeavesTokensToTheParser() =>
        Assert.Equal(["run", "--", "--Syndication:Title=x"], ConfigurationTokens.Split(["run", "--", "--Syndication:Title=x"]).Arguments);
}
