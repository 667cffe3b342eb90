using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Publishing;

public sealed class SyndicationOptionsValidatorTests
{
    private static SyndicationOptions Valid() => new()
    {
        FeedsPath = RepositoryPaths.Feeds,
        Storage = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" },
    };

    [Fact]
    public void Validate_Defaults_WithAConnectionString_Succeed() =>
        Assert.True(new SyndicationOptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void Validate_ServiceUriInsteadOfConnectionString_Succeeds()
    {
        var options = Valid();
        options.Storage.ConnectionString = null;
        options.Storage.ServiceUri = new Uri("https://account.blob.core.windows.net");

        Assert.True(new SyndicationOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<SyndicationOptions>> InvalidSettings => new()
    {
        { "Syndication:Storage:ConnectionString", o => o.Storage.ConnectionString = null },
        { "Syndication:Storage:ConnectionString is not a valid", o => o.Storage.ConnectionString = "AccountKey=secret-value;nonsense" },
        { "Syndication:Storage:ServiceUri", o => { o.Storage.ConnectionString = null; o.Storage.ServiceUri = new Uri("ftp://account.example"); } },
        { "Syndication:FeedsPath", o => o.FeedsPath = "/no/such/folder" },
        { "Syndication:FeedsPath", o => o.FeedsPath = " " },
        { "Syndication:Storage:Container", o => o.Storage.Container = "Feeds_Upper" },
        { "Syndication:Storage:Container", o => o.Storage.Container = "a--b" },
        { "Syndication:Storage:StateContainer", o => o.Storage.StateContainer = "x" },
        { "Syndication:Storage:StateContainer", o => o.Storage.StateContainer = o.Storage.Container },
        { "Syndication:PublicBaseUrl", o => o.PublicBaseUrl = new Uri("/relative", UriKind.Relative) },
        { "Syndication:TimeToLive", o => o.TimeToLive = TimeSpan.Zero },
        { "Syndication:LeaseWait", o => o.LeaseWait = TimeSpan.FromSeconds(-1) },
        { "Syndication:PageSize", o => o.PageSize = 0 },
        { "Syndication:PageSize", o => o.PageSize = 10_001 },
        { "Syndication:WebSub:Hub", o => o.WebSub.Hub = new Uri("ftp://hub.example") },
        { "Syndication:JsonFeedExtensionAbout", o => o.JsonFeedExtensionAbout = new Uri("ftp://docs.example/json-feed-extension.md") },
        { "Syndication:WebSub:Attempts", o => o.WebSub.Attempts = 0 },
        { "Syndication:WebSub:RetryDelay", o => o.WebSub.RetryDelay = TimeSpan.FromSeconds(-1) },
        { "Syndication:WebSub:Timeout", o => o.WebSub.Timeout = TimeSpan.Zero },
        { "Syndication:Source:Container '' is not a valid", o => o.Source.Container = string.Empty },
        { "Syndication:Source:Container 'a--b' is not a valid", o => o.Source.Container = "a--b" },
        { "Syndication:Source:Container must differ", o => o.Source.Container = o.Storage.Container },
        { "Syndication:Storage:Container '' is not a valid", o => o.Storage.Container = string.Empty },
        { "Syndication:Storage:StateContainer", o => o.Storage.Container = new string('a', 63) },
        { "Syndication:Deletion:MaxShare", o => o.Deletion.MaxShare = 1.5 },
        { "Syndication:Deletion:MaxShare", o => o.Deletion.MaxShare = double.NaN },
        { "Syndication:Deletion:MaxCount", o => o.Deletion.MaxCount = -1 },
        { "Syndication:Related:Count", o => o.Related.Count = 21 },
        { "Syndication:Related:MinScore", o => o.Related.MinScore = -0.1 },
        { "Syndication:Articles:SummaryLength", o => o.Articles.SummaryLength = 19 },
        { "Syndication:Articles:MaxRelated", o => o.Articles.MaxRelated = -1 },
        { "Syndication:Articles:MaxRelated", o => o.Articles.MaxRelated = 1_001 },
        { "Syndication:Articles:MaxFileBytes", o => o.Articles.MaxFileBytes = 0 },
        { "Syndication:Articles:MaxFileBytes", o => o.Articles.MaxFileBytes = (1L << 30) + 1 },
        { "Syndication:Storage:MaxRetries", o => o.Storage.MaxRetries = -1 },
        { "Syndication:Storage:NetworkTimeout", o => o.Storage.NetworkTimeout = TimeSpan.Zero },
        { "Syndication:Articles:MaxFileBytes", o => o.Articles.MaxFileBytes = 0 },
        { "Syndication:OnlyFeeds (--feed) must name feeds", o => o.OnlyFeeds.Add(" ") },
        // $web is the one name outside the rule, and only where documents are published.
        { "Syndication:Storage:Container '$logs' is not a valid", o => o.Storage.Container = "$logs" },
        { "Syndication:Storage:Container '$Web' is not a valid", o => o.Storage.Container = "$Web" },
        { "Syndication:Storage:StateContainer '$web' is not a valid", o => o.Storage.StateContainer = "$web" },
        { "Syndication:Source:Container '$web' is not a valid", o => o.Source.Container = "$web" },
        { "Syndication:PublicBaseUrl (--public-base-url) must be set", o => o.Storage.Container = "$web" },
        { "Syndication:Storage:StateContainer must differ", o => { StaticWebsite(o); o.Storage.StateContainer = "$web"; } },
        { "Syndication:Source:Container must differ", o => { StaticWebsite(o); o.Source.Container = "web-state"; } },
    };

    private static void StaticWebsite(SyndicationOptions options)
    {
        options.Storage.Container = "$web";
        options.PublicBaseUrl = new Uri("https://account.z6.web.core.windows.net/");
    }

    [Fact]
    public void Validate_StaticWebsiteContainerWithItsEndpoint_Succeeds()
    {
        var options = Valid();
        StaticWebsite(options);

        var result = new SyndicationOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal("web-state", options.Storage.EffectiveStateContainer);
    }

    [Fact]
    public void Validate_StaticWebsiteContainerWithAStateContainerSet_KeepsIt()
    {
        var options = Valid();
        StaticWebsite(options);
        options.Storage.StateContainer = "newsroom-state";

        Assert.True(new SyndicationOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("newsroom-state", options.Storage.EffectiveStateContainer);
    }

    [Fact]
    public void Validate_StaticWebsiteContainerWritingToAFolder_NeedsNoEndpoint()
    {
        var options = Valid();
        options.Storage.Container = "$web";
        options.OutputPath = "/out";

        Assert.True(new SyndicationOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_FailsNamingIt(string setting, Action<SyndicationOptions> breakIt)
    {
        var options = Valid();
        breakIt(options);

        var result = new SyndicationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralInvalidSettings_NamesEachOnce()
    {
        var options = Valid();
        options.PageSize = 0;
        options.Storage.MaxRetries = 11;
        options.Related.MinScore = 2;

        var result = new SyndicationOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Syndication:PageSize", "Syndication:Related:MinScore", "Syndication:Storage:MaxRetries"],
            result.Failures!.Select(f => f[f.IndexOf("Syndication:", StringComparison.Ordinal)..].Split(' ')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_InvalidConnectionString_NeverRepeatsIt()
    {
        var options = Valid();
        options.Storage.ConnectionString = "AccountKey=secret-value;nonsense";

        var result = new SyndicationOptionsValidator().Validate(null, options);

        Assert.DoesNotContain("secret-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
