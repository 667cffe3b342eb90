using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Tests;

/// <summary>Publishers composed as the command composes them, from options given in code.</summary>
internal static class TestPublisher
{
    /// <summary>A publisher with its own stores and clients, as a separate process would have.</summary>
    public static FeedPublisher Create(SyndicationOptions options, TimeProvider time, ILogger<FeedPublisher>? logger = null) =>
        new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddSingleton(time)
            .AddSingleton(logger ?? NullLogger<FeedPublisher>.Instance)
            .AddFeedPublishing()
            .BuildServiceProvider()
            .GetRequiredService<FeedPublisher>();
}
