using Microsoft.Extensions.Configuration;
using Syndication.Worker.Commands;

namespace Syndication.Tests.Worker.Commands;

public sealed class SettingKeysTests
{
    private static IReadOnlyList<string> Unknown(params (string Key, string Value)[] settings) =>
        SettingKeys.Unknown(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("Syndication:FeedsPath")]
    [InlineData("syndication:storage:container")]
    [InlineData("Syndication:Storage:CacheControlByKind:Feed")]
    [InlineData("Syndication:Interval")]
    [InlineData("Syndication:HealthFile")]
    [InlineData("Syndication:Derived:Tags")]
    [InlineData("Syndication:Articles:MaxRelated")]
    [InlineData("Syndication:WebSub:Hub")]
    [InlineData("Syndication:DryRun")]
    [InlineData("Syndication:StatePath")]
    [InlineData("Syndication:OnlyFeeds:0")]
    [InlineData("Syndication:OnlyFeeds:12")]
    [InlineData("Syndication:Telemetry:OtlpEndpoint")]
    [InlineData("Logging:LogLevel:Default")]
    public void Unknown_Setting_IsNotReported(string key) =>
        Assert.Empty(Unknown((key, "x")));

    [Theory]
    [InlineData("Syndication:Storag:Container")]
    [InlineData("Syndication:FeedPath")]
    [InlineData("Syndication:FeedsPath:Extra")]
    [InlineData("Syndication:Storage:Containr")]
    [InlineData("Syndication:OnlyFeeds:first")]
    [InlineData("Syndication:DryRun:Extra")]
    [InlineData("Syndication:Telemetry:Endpoint")]
    [InlineData("Syndication:Storage:CacheControlByKind:Feeed")]
    public void Unknown_MisspeltOrMisplacedKey_IsReportedByName(string key) =>
        Assert.StartsWith($"{key} is not a setting", Assert.Single(Unknown((key, "x"))), StringComparison.Ordinal);

    [Fact]
    public void Unknown_SeveralKeys_AreAllReported() =>
        Assert.Equal(2, Unknown(("Syndication:A", "1"), ("Syndication:Storage:B", "2"), ("Syndication:Title", "T")).Count);

    [Fact]
    public void Unknown_FromTheEnvironment_NamesTheVariable()
    {
        // A prefix of its own, so no other test sees the variable.
        var prefix = $"SYNDICATION_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Syndication__Storag__Container", "x");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            Assert.Equal("Syndication:Storag:Container is not a setting (the environment variable Syndication__Storag__Container); see the README's configuration reference",
                Assert.Single(SettingKeys.Unknown(configuration)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Syndication__Storag__Container", null);
        }
    }
}
