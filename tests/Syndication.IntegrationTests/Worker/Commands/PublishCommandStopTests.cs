using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Syndication.Articles;
using Syndication.Sources;
using Syndication.Worker;

namespace Syndication.Tests.Worker.Commands;

/// <summary>
/// <c>publish</c> asked to stop (Ctrl+C, SIGTERM) ends with its own exit code and a sentence, never an unhandled
/// exception, and within <c>Syndication:ShutdownTimeout</c> even when the work under way does not listen.
/// </summary>
public sealed class PublishCommandStopTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("syndication-stop-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Publish_AskedToStopWhileReading_ExitsWithTheStoppedCodeAndSaysSo()
    {
        var exitCode = await PublishAsync(listens: true, shutdownTimeout: "00:00:30");

        Assert.Equal(ExitCodes.Stopped, exitCode);
        Assert.Contains("Publishing stopped before it finished (Ctrl+C or SIGTERM)", _stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "index.html")));
    }

    [Fact]
    public async Task Publish_AskedToStopWhileWorkThatDoesNotListen_EndsAfterTheShutdownTimeout()
    {
        var clock = Stopwatch.StartNew();

        var exitCode = await PublishAsync(listens: false, shutdownTimeout: "00:00:00.300");

        Assert.Equal(ExitCodes.Stopped, exitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20));
        Assert.Contains("did not stop within 0.3 s (Syndication:ShutdownTimeout)", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(_released.Task.IsCompleted, "the work that does not listen was still under way when the command ended");
    }

    public void Dispose()
    {
        _released.TrySetResult();
        OutputFolder.Delete(_output);
    }

    private Task<int> PublishAsync(bool listens, string shutdownTimeout)
    {
        using var feeds = new TemporaryFeedsFolder();
        return SyndicationCommand.RunAsync(["publish", "--feeds", feeds.Path, "--out", _output], _stdout, _stderr, builder =>
        {
            builder.Configuration["Syndication:ShutdownTimeout"] = shutdownTimeout;
            builder.Services.AddSingleton<IFeedSource>(services => new StoppingSource(services.GetRequiredService<IHostApplicationLifetime>(), listens, _released.Task));
        });
    }

    /// <summary>A source whose first read asks the process to stop, as a signal would, then honours the stop or not.</summary>
    private sealed class StoppingSource(IHostApplicationLifetime lifetime, bool listens, Task released) : IFeedSource
    {
        public string Location => "stopping";

        public async Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            if (listens)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Bounded, so that a command that waits for it fails its test rather than hanging the run.
            await Task.WhenAny(released, Task.Delay(TimeSpan.FromSeconds(60), CancellationToken.None));
            throw new InvalidOperationException("released only when the test ends");
        }

        public Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReadOnlyMemory<byte>?> ReadBytesAsync(string feed, string fileName, string contentHash, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
