namespace Syndication.Worker.Commands;

/// <summary>How a fault nobody expected is told: one line, and its stack trace only with <c>--verbose</c>.</summary>
public static class UnexpectedFailure
{
    /// <summary>The line (or, with <see cref="Verbosity.Verbose"/>, the lines) that tell what failed.</summary>
    public static string Describe(string what, Exception exception, Verbosity verbosity)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return verbosity == Verbosity.Verbose
            ? $"{what}: unexpected {exception}"
            : $"{what}: unexpected {exception.GetType().Name}: {exception.Message} (--verbose shows the stack trace)";
    }
}
