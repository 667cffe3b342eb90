using Microsoft.Extensions.Time.Testing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Readers;

/// <summary><see cref="HostileFeed"/> published once to its own container in Azurite, for readers to fetch over HTTP.</summary>
public sealed class HostileFeedFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _container = AzuriteFixture.NewContainerName();
    private readonly TemporaryFeedsFolder _feeds = new(withSamples: false);

    /// <summary>The anonymous URL of one of the feed's documents (<c>rss.xml</c>, <c>atom.xml</c>, <c>feed.json</c>).</summary>
    public Uri UrlOf(string document) => azurite.UrlOf(_container, $"{HostileFeed.Name}/{document}");

    public async ValueTask InitializeAsync()
    {
        HostileFeed.WriteTo(_feeds);
        var time = TestClock.Create();
        var report = await AzuriteFixture.CreatePublisher(azurite.OptionsFor(_container, _feeds.Path), time).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Equal(HostileFeed.Articles.Count, report.Feeds.Single(f => f.Feed == HostileFeed.Name).Entries);
    }

    public ValueTask DisposeAsync()
    {
        _feeds.Dispose();
        return ValueTask.CompletedTask;
    }
}
