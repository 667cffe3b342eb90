using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Syndication.Worker.Commands;

/// <summary>The <c>syndication</c> command: its verbs, the options of every verb, help and version.</summary>
public static class SyndicationRootCommand
{
    /// <summary>The exit codes, as the root help lists them (and the README's table).</summary>
    public const string ExitCodesHelp = """
        Exit codes:
          0  publish: every feed published. validate: no problem. health: healthy.
          1  publish, run: a feed not published, a feed.json or feed folder name that cannot be read, storage
             failed, or the command line or configuration is invalid (an unknown Syndication: key included).
             validate: errors. health: unhealthy, or no health file.
          2  publish: every feed published, but some articles rejected (each named). validate: warnings only.
          130  publish: stopped by Ctrl+C or SIGTERM before it finished; each feed written is whole.
        """;

    /// <summary>How any setting is given, as every help lists it.</summary>
    public const string SettingsHelp = """
        Settings:
          --Syndication:Key=VALUE, --Syndication:Key VALUE
             Any setting of the README's configuration reference; the environment (Syndication__Storage__Container)
             and appsettings.json set them too, the command line winning. An unknown Syndication: key is an error.
        """;

    /// <summary>Creates the command and its verbs, writing as <paramref name="context"/> says.</summary>
    public static RootCommand Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("Publishes folders of articles as RSS 2.0, Atom 1.0 and JSON Feed, to Azure Blob Storage or a local folder.")
        {
            context.Quiet,
            context.Verbose,
            new PublishCommand(context),
            new RunCommand(context),
            new ValidateCommand(context),
            new HealthCommand(context),
        };
        // The installed command's name, whichever process hosts it (a test runner, dotnet run).
        root.HelpName = "syndication";
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction action })
            {
                option.Action = new HelpWithSettingsAction(action);
            }
            else if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        // A command is needed: the usage goes where errors go, and the exit code says it failed.
        root.SetAction(parseResult =>
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error });
            return ExitCodes.InvalidConfiguration;
        });
        return root;
    }

    /// <summary>The generated help, then how to give any setting, and for the root command the exit codes.</summary>
    private sealed class HelpWithSettingsAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(SettingsHelp);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                output.WriteLine();
                output.WriteLine(ExitCodesHelp);
            }

            return ExitCodes.Success;
        }
    }

    /// <summary>Prints the version the feeds' generator elements carry.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine($"syndication {Formats.FeedGenerator.Version}");
            return ExitCodes.Success;
        }
    }
}
