using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Syndication.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> at <see cref="TestClock.Now"/> that also tells which timers are pending, so a
/// test can wait until the code under test is waiting for the clock before it moves it, and can say what a move
/// cannot have woken.
/// </summary>
internal sealed class ObservedClock() : FakeTimeProvider(TestClock.Now)
{
    private readonly ConcurrentDictionary<ObservedTimer, byte> _timers = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, dueTime);
        _timers.TryAdd(timer, 0);
        timer.Inner = base.CreateTimer(callback, state, dueTime, period);
        return timer;
    }

    /// <summary>Whether a timer is pending that fires when the clock reaches <paramref name="at"/>.</summary>
    public bool IsWaitingUntil(DateTimeOffset at) => Pending().Any(t => t.Due == at);

    /// <summary>Whether a timer is pending that was set for <paramref name="longest"/> or less.</summary>
    public bool IsWaitingAtMost(TimeSpan longest) => Pending().Any(t => t.DueTime <= longest);

    // A fired one-shot timer may stay undisposed; it no longer waits.
    private IEnumerable<ObservedTimer> Pending()
    {
        var now = GetUtcNow();
        return _timers.Keys.Where(t => t.Due > now);
    }

    private sealed class ObservedTimer : ITimer
    {
        private readonly ObservedClock _clock;

        public ObservedTimer(ObservedClock clock, TimeSpan dueTime)
        {
            _clock = clock;
            Set(dueTime);
        }

        public ITimer Inner { get; set; } = null!;

        public TimeSpan DueTime { get; private set; }

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            _clock._timers.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            _clock._timers.TryRemove(this, out _);
            return Inner.DisposeAsync();
        }

        private void Set(TimeSpan dueTime)
        {
            DueTime = dueTime;
            Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _clock.GetUtcNow() + dueTime;
        }
    }
}
