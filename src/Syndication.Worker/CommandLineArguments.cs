using System.Globalization;

namespace Syndication.Worker;

/// <summary>The parsed command line: a command, and configuration values given as options.</summary>
/// <param name="Command">The command (<c>publish</c>, <c>run</c>), or <see langword="null"/> for help.</param>
/// <param name="Settings">Configuration keys and values taken from the options.</param>
/// <param name="Flags">Options without a value that were given, such as <c>--json</c>.</param>
public sealed record CommandLineArguments(string? Command, IReadOnlyDictionary<string, string?> Settings, IReadOnlySet<string> Flags)
{
    /// <summary>The commands.</summary>
    public static readonly string[] Commands = ["publish", "run", "validate", "health"];

    /// <summary>Options that take no value, and the commands that accept them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FlagCommands = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["--json"] = ["validate"],
        ["--allow-mass-delete"] = ["publish", "run"],
        ["--dry-run"] = ["publish"],
    };

    /// <summary>Flags that set a configuration key to <c>true</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlagSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--allow-mass-delete"] = "Syndication:Deletion:AllowMassDelete",
        ["--dry-run"] = "Syndication:DryRun",
    };

    /// <summary>Options and the configuration key each one sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> Options = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--feeds"] = "Syndication:FeedsPath",
        ["--connection-string"] = "Syndication:Storage:ConnectionString",
        ["--service-uri"] = "Syndication:Storage:ServiceUri",
        ["--container"] = "Syndication:Storage:Container",
        ["--public-base-url"] = "Syndication:PublicBaseUrl",
        ["--interval"] = "Syndication:Interval",
        ["--schedule"] = "Syndication:Schedule",
        ["--out"] = "Syndication:OutputPath",
    };

    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: syndication <command> [options]
               syndication --help | --version

        Commands:
          publish    Publish every feed once and exit.
                     Exit codes: 0 all published; 2 all feeds published but some articles rejected; 1 failed.
          run        Run as a background worker: publish at start, then on Syndication:Schedule, and soon after
                     a change in the feeds folder (Syndication:Watch). Stops cleanly on Ctrl+C or SIGTERM.
          validate   Read every feed and article without publishing; report problems by file and line.
                     Exit codes: 0 clean; 2 warnings only; 1 errors. --json prints the report as JSON.
          health     Exit 0 if the worker's last successful run (Syndication:HealthFile) is within three
                     schedule intervals, 1 otherwise: a probe for systemd or Kubernetes.

        Options (each sets a configuration key; environment variables such as Syndication__Storage__Container work too):
          --feeds DIR                  Syndication:FeedsPath (default: feeds)
          --connection-string VALUE    Syndication:Storage:ConnectionString (default: none)
          --service-uri URL            Syndication:Storage:ServiceUri, with DefaultAzureCredential (default: none)
          --container NAME             Syndication:Storage:Container (default: feeds)
          --public-base-url URL        Syndication:PublicBaseUrl (default: the container's URL)
          --interval HH:MM:SS          Syndication:Interval (default: 00:05:00)
          --schedule VALUE             Syndication:Schedule: an interval or a cron expression (default: the interval)
          --out DIR                    Syndication:OutputPath: write the documents into DIR, same layout, no storage needed
          --allow-mass-delete          Syndication:Deletion:AllowMassDelete=true (publish, run): let this run remove many entries
          --feed NAME                  Syndication:OnlyFeeds (publish, run; repeatable): publish only these feeds
          --dry-run                    Syndication:DryRun=true (publish): read, render and compare; print what would be
                                       uploaded, deleted and notified per feed; write nothing anywhere
          --json                       (validate) print the report as JSON
          --Syndication:Key=VALUE      any other configuration key (see the README's reference table)
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="FormatException">An unknown command or option, or an option without its value.</exception>
    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new CommandLineArguments(null, new Dictionary<string, string?>(), new HashSet<string>());
        }

        if (args[0] is "--version" or "-v")
        {
            return new CommandLineArguments("--version", new Dictionary<string, string?>(), new HashSet<string>());
        }

        var command = args[0];
        if (Array.IndexOf(Commands, command) < 0)
        {
            throw new FormatException($"Unknown command '{command}'.");
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var feeds = 0;
        for (var i = 1; i < args.Count; i++)
        {
            if (FlagCommands.TryGetValue(args[i], out var flagCommands))
            {
                if (Array.IndexOf(flagCommands, command) < 0)
                {
                    throw new FormatException($"The option '{args[i]}' belongs to '{string.Join("', '", flagCommands)}', not '{command}'.");
                }

                flags.Add(args[i]);
                if (FlagSettings.TryGetValue(args[i], out var flagKey))
                {
                    settings[flagKey] = "true";
                }

                continue;
            }

            var (name, value) = args[i].IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (args[i][..equals], args[i][(equals + 1)..])
                : (args[i], null);
            string key;
            if (name == "--feed")
            {
                // Repeatable: each one is the next element of the list.
                key = string.Create(CultureInfo.InvariantCulture, $"Syndication:OnlyFeeds:{feeds++}");
            }
            else if (Options.TryGetValue(name, out var mapped))
            {
                key = mapped;
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':', StringComparison.Ordinal))
            {
                key = name[2..];
            }
            else
            {
                throw new FormatException($"Unknown option '{name}'.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"The option '{name}' needs a value.");
                }

                value = args[++i];
            }

            settings[key] = value;
        }

        return new CommandLineArguments(command, settings, flags);
    }
}
