using System.Diagnostics;

namespace Syndication.Tests;

/// <summary>
/// Waits for a condition that another thread (a worker, a watcher, storage) makes true, instead of sleeping for a
/// duration and hoping it was long enough: a test is as fast as the machine allows and fails only when the
/// condition never holds.
/// </summary>
internal static class Eventually
{
    /// <summary>Long enough for a loaded machine; a condition that holds at all holds well within it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="because"/> if it does not within <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var within = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed >= within)
            {
                Assert.Fail($"Not true within {within}: {because}");
            }

            // Real time on purpose: the condition is made true by real work on other threads, not by a fake clock.
            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }
}
