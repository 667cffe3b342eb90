using Microsoft.Extensions.Time.Testing;

namespace Syndication.Tests;

/// <summary>The fixed moment at which tests publish, so that dates in expected output never depend on the day the tests run.</summary>
internal static class TestClock
{
    /// <summary>2026-11-20 08:00 UTC, on the hour (cron schedules in the tests count from it).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock standing at <see cref="Now"/>, moved only by <see cref="FakeTimeProvider.Advance"/>.</summary>
    public static FakeTimeProvider Create() => new(Now);
}
