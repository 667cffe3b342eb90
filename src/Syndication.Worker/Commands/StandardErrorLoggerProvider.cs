using System.Globalization;
using System.Text;

namespace Syndication.Worker.Commands;

/// <summary>
/// Logs of the one-shot commands, one line each on standard error (the writer given), written at once and through the
/// <see cref="StatusLine"/>, so a progress line and log lines never mix; the console logger writes from a queue of its
/// own, which could not clear the progress line first.
/// </summary>
[ProviderAlias("StandardError")]
public sealed class StandardErrorLoggerProvider(StatusLine status, TimeProvider timeProvider) : ILoggerProvider
{
    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, status, timeProvider);

    /// <inheritdoc/>
    public void Dispose()
    {
        // Every line is written when it is logged: nothing to flush.
    }

    private sealed class Logger(string category, StatusLine status, TimeProvider timeProvider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = new StringBuilder()
                .Append(timeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ ", CultureInfo.InvariantCulture))
                .Append(Level(logLevel)).Append(": ")
                .Append(category).Append('[').Append(eventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
                .Append(formatter(state, exception));
            if (exception is not null)
            {
                line.AppendLine().Append(exception);
            }

            status.WriteLine(line.ToString());
        }

        // The console logger's short names, so the lines read the same whichever logger wrote them.
        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
