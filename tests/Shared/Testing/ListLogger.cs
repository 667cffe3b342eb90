using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Syndication.Tests;

/// <summary>A logger that keeps what it is given, so tests can count messages by event id.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Event, string Message, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));

    public int Count(int eventId) => Entries.Count(e => e.Event.Id == eventId);
}
