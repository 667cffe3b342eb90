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
        { "Syndication:Interval", o => o.Interval = TimeSpan.Zero },
        { "Syndication:Storage:MaxRetries", o => o.Storage.MaxRetries = -1 },
        { "Syndication:Storage:NetworkTimeout", o => o.Storage.NetworkTimeout = TimeSpan.Zero },
        { "Syndication:Articles:MaxFileBytes", o => o.Articles.MaxFileBytes = 0 },
    };

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
    public void Validate_InvalidConnectionString_NeverRepeatsIt()
    {
        var options = Valid();
        options.Storage.ConnectionString = "AccountKey=secret-value;nonsense";

        var result = new SyndicationOptionsValidator().Validate(null, options);

        Assert.DoesNotContain("secret-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
