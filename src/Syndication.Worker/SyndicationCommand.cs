using System.CommandLine;
using System.CommandLine.Invocation;
using Syndication.Worker.Commands;

namespace Syndication.Worker;

/// <summary>The <c>syndication</c> command: parses the command line, then runs the verb it names.</summary>
public static class SyndicationCommand
{
    /// <summary>Runs the command given by <paramref name="args"/> and returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where logs, progress and errors go.</param>
    /// <param name="configure">Changes to the host before it is built (tests use it to replace services or add configuration).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ConfigurationTokens tokens;
        try
        {
            tokens = ConfigurationTokens.Split(args);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        var context = new CommandContext(output, error, configure, tokens.Settings);
        var parseResult = SyndicationRootCommand.Create(context).Parse(tokens.Arguments);
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // The error and its suggestions, not the whole help after them.
            parseError.ShowHelp = false;
            if (parseResult.CommandResult.Command is ValidateCommand && tokens.Arguments.Contains("--json", StringComparer.Ordinal))
            {
                // validate --json answers in JSON whatever happens, a bad command line included.
                var feedsPath = parseResult.GetValue<string>("--feeds") ?? new Publishing.SyndicationOptions().FeedsPath;
                await output.WriteLineAsync(ValidateCommand.ErrorJson(feedsPath, string.Join(" ", parseResult.Errors.Select(e => e.Message)))).ConfigureAwait(false);
            }
        }

        var invocation = new InvocationConfiguration
        {
            // The parser writes its suggestions ("Did you mean ...?") where results go: they belong with the error.
            Output = parseResult.Action is ParseErrorAction ? error : output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // The host stops on Ctrl+C and SIGTERM itself, letting uploads in flight finish.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync(UnexpectedFailure.Describe("error", e, context.VerbosityOf(parseResult))).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
