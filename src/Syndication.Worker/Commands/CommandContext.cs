using System.CommandLine;

namespace Syndication.Worker.Commands;

/// <summary>What every verb shares: where it writes, the options of every command, and the test hook for the host.</summary>
/// <param name="Output">Where results go (standard output).</param>
/// <param name="Error">Where logs, progress and errors go (standard error).</param>
/// <param name="Configure">Changes to the host before it is built (tests use it to replace services or add configuration).</param>
/// <param name="Settings">The <c>--Syndication:Key=VALUE</c> tokens of the command line, in order.</param>
public sealed record CommandContext(TextWriter Output, TextWriter Error, Action<HostApplicationBuilder>? Configure, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary><c>--quiet</c>, <c>-q</c>: the summary and errors only.</summary>
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print the summary and errors only: logs at Warning and above",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: Debug logs, and the stack trace of an unexpected failure.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print Debug logs, and the stack trace of an unexpected failure",
        Recursive = true,
    };

    /// <summary>Whether the commands write to this process's own standard error, rather than to a test's writer.</summary>
    public bool WritesToConsole => ReferenceEquals(Error, Console.Error);

    /// <summary>How much the command logs.</summary>
    public Verbosity VerbosityOf(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Verbose) ? Verbosity.Verbose : parseResult.GetValue(Quiet) ? Verbosity.Quiet : Verbosity.Normal;
    }
}
