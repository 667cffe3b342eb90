using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using Syndication.Publishing;
using Syndication.Tests.Storage;
using Syndication.Worker;

namespace Syndication.Tests.Publishing;

public sealed class SyndicationMetricsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PublishAsync_RecordsArticlesEntriesBlobsAndDuration()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, string? Feed)>();
        var container = AzuriteFixture.NewContainerName();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SyndicationMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Feed(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Feed(tags))));
        listener.Start();

        // After every sample article's date: none is held back as embargoed.
        await AzuriteFixture.CreatePublisher(azurite.OptionsFor(container, RepositoryPaths.Feeds), TestClock.Create())
            .PublishAsync(TestContext.Current.CancellationToken);
        listener.RecordObservableInstruments();

        // Other tests publish at the same time: count only what this run's feeds recorded, by the run's known shape.
        Assert.Contains(measurements, m => m is { Name: "syndication.entries.published", Feed: "world", Value: 3 }); // the three world samples
        Assert.Contains(measurements, m => m is { Name: "syndication.blobs.uploaded", Feed: "world", Value: 4 });
        Assert.Contains(measurements, m => m is { Name: "syndication.blobs.unchanged", Feed: "world", Value: 0 });
        Assert.Contains(measurements, m => m.Name == "syndication.articles.read" && m.Value >= 4); // three in world, one in newsroom
        Assert.Contains(measurements, m => m.Name == "syndication.run.duration" && m.Value >= 0); // measured by the injected (here fake) clock
        Assert.True(measurements.Any(m => m.Name == "syndication.run.last_success" && m.Value > 0), string.Join(", ", measurements.Select(m => m.Name).Distinct()));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public void AddSyndication_ExportsMetricsOnlyWhenAnOtlpEndpointIsSet(string? endpoint, bool exported)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Syndication:Telemetry:OtlpEndpoint"] = endpoint })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddSyndication(configuration).BuildServiceProvider();

        Assert.Equal(exported, provider.GetService<MeterProvider>() is not null);
    }

    private static string? Feed(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "feed")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
