using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Publishing;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class ServiceCollectionExtensionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("Syndication:FeedsPath", (string?)RepositoryPaths.Feeds))
                .Append(KeyValuePair.Create("Syndication:Storage:ConnectionString", (string?)"UseDevelopmentStorage=true")))
            .Build();
        return new ServiceCollection().AddSyndication(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData(null, null, 5)]
    [InlineData("Syndication:Interval", "00:15:00", 5)]
    [InlineData("Syndication:Schedule", "01:00:00", 5)]
    [InlineData("Syndication:Schedule", "*/10 * * * *", 5)]
    [InlineData("Syndication:TimeToLive", "00:30:00", 30)]
    public void AddSyndication_TimeToLive_IsTheSettingWhateverTheSchedule(string? key, string? value, int minutes)
    {
        using var services = key is null ? Services() : Services((key, value!));

        Assert.Equal(TimeSpan.FromMinutes(minutes), services.GetRequiredService<IOptions<SyndicationOptions>>().Value.TimeToLive);
    }

    [Fact]
    public void AddSyndication_SameSection_BindsBothClassesFromTheirKeys()
    {
        using var services = Services(("Syndication:WatchDebounce", "00:00:02"), ("Syndication:PageSize", "7"));

        Assert.Equal(TimeSpan.FromSeconds(2), services.GetRequiredService<IOptions<WorkerOptions>>().Value.WatchDebounce);
        Assert.Equal(7, services.GetRequiredService<IOptions<SyndicationOptions>>().Value.PageSize);
    }

    [Fact]
    public void AddSyndication_InvalidSchedule_FailsTheWorkerOptionsOnlyNamingIt()
    {
        using var services = Services(("Syndication:Schedule", "whenever"));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WorkerOptions>>().Value);
        Assert.Contains("Syndication:Schedule", failure.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(5), services.GetRequiredService<IOptions<SyndicationOptions>>().Value.TimeToLive);
    }
}
