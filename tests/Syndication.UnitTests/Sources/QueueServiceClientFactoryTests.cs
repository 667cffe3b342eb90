using Syndication.Publishing;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Tests.Sources;

public sealed class QueueServiceClientFactoryTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static SyndicationOptions Options(Action<SyndicationOptions> change)
    {
        var options = new SyndicationOptions
        {
            Storage = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" },
            Source = new SourceOptions { Container = "inbox", Queue = "inbox-events" },
        };
        change(options);
        return options;
    }

    private static IReadOnlyList<string> Failures(Action<SyndicationOptions> change) =>
        new SyndicationOptionsValidator().Validate(null, Options(change)) is { Failed: true } result ? [.. result.Failures] : [];

    [Fact]
    public void Validate_QueueWithTheContainer_Passes() => Assert.Empty(Failures(_ => { }));

    [Theory]
    [InlineData("Syndication:Source:Queue is only used with Syndication:Source:Container")]
    public void Validate_QueueWithoutTheContainer_Fails(string expected) =>
        Assert.Contains(Failures(o => { o.Source.Container = null; o.FeedsPath = RepositoryPaths.Feeds; }), f => f.StartsWith(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("Inbox", "Syndication:Source:Queue 'Inbox' is not a valid queue name")]
    [InlineData("a--b", "Syndication:Source:Queue 'a--b' is not a valid queue name")]
    [InlineData("ab", "Syndication:Source:Queue 'ab' is not a valid queue name")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "is longer than 56 characters")]
    public void Validate_QueueName_FollowsTheRulesWithRoomForPoison(string queue, string expected) =>
        Assert.Contains(Failures(o => o.Source.Queue = queue), f => f.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("00:00:59")]
    [InlineData("30.00:00:01")]
    public void Validate_ReconcileIntervalOutOfRange_Fails(string interval) =>
        Assert.Contains(Failures(o => o.Source.ReconcileInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)),
            f => f.StartsWith("Syndication:Source:ReconcileInterval must be between", StringComparison.Ordinal));

    [Fact]
    public void Validate_ConnectionStringWithoutAQueueEndpoint_Fails() =>
        Assert.Contains(Failures(o => o.Storage.ConnectionString = "BlobEndpoint=https://account.blob.core.windows.net/;SharedAccessSignature=sv=2024-01-01&sig=abc"),
            f => f.StartsWith("Syndication:Storage:ConnectionString has no queue endpoint", StringComparison.Ordinal));

    [Fact]
    public void Validate_AccountKeyConnectionString_GivesTheQueueEndpoint() =>
        Assert.Empty(Failures(o => o.Storage.ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=account;AccountKey={AccountKey};EndpointSuffix=core.windows.net"));

    [Fact]
    public void Validate_ServiceUriWithoutABlobHost_Fails() =>
        Assert.Contains(Failures(o => { o.Storage.ConnectionString = null; o.Storage.ServiceUri = new Uri("https://storage.example.com/account"); }),
            f => f.StartsWith("Syndication:Source:Queue needs the queue endpoint", StringComparison.Ordinal));

    [Theory]
    [InlineData("https://account.blob.core.windows.net", "https://account.queue.core.windows.net/")]
    [InlineData("https://account.blob.core.chinacloudapi.cn/", "https://account.queue.core.chinacloudapi.cn/")]
    [InlineData("https://storage.example.com/", null)]
    public void QueueEndpointOf_BlobEndpoint_IsTheQueueHostOfTheSameAccount(string blob, string? queue) =>
        Assert.Equal(queue, QueueServiceClientFactory.QueueEndpointOf(new Uri(blob))?.AbsoluteUri);
}
