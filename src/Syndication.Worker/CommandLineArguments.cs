namespace Syndication.Worker;

/// <summary>The parsed command line: a command, and configuration values given as options.</summary>
/// <param name="Command">The command (<c>publish</c>, <c>run</c>), or <see langword="null"/> for help.</param>
/// <param name="Settings">Configuration keys and values taken from the options.</param>
/// <param name="Flags">Options without a value that were given, such as <c>--json</c>.</param>
public sealed record CommandLineArguments(string? Command, IReadOnlyDictionary<string, string?> Settings, IReadOnlySet<string> Flags)
{
    /// <summary>The commands.</summary>
    public static readonly string[] Commands = ["publish", "run", "validate"];

    /// <summary>Options that take no value, and the commands that accept them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FlagCommands = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["--json"] = ["validate"],
        ["--allow-mass-delete"] = ["publish", "run"],
    };

    /// <summary>Flags that set a configuration key to <c>true</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlagSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--allow-mass-delete"] = "Syndication:Deletion:AllowMassDelete",
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
    };

    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: syndication <command> [options]

        Commands:
          publish   Publish every feed once and exit (0: all published; 1: something failed; 2: bad configuration).
          run       Run as a background worker: publish at start, then every Syndication:Interval.
          validate  Read every feed and article without publishing and report problems by file and line
                    (0: clean; 2: warnings only; 1: errors). --json prints the report as JSON.

        Options (each sets a configuration key; environment variables such as Syndication__Storage__Container work too):
          --feeds DIR                  Syndication:FeedsPath (default: feeds)
          --connection-string VALUE    Syndication:Storage:ConnectionString
          --service-uri URL            Syndication:Storage:ServiceUri (with DefaultAzureCredential)
          --container NAME             Syndication:Storage:Container (default: feeds)
          --public-base-url URL        Syndication:PublicBaseUrl (default: the container's URL)
          --interval HH:MM:SS          Syndication:Interval (default: 00:05:00)
          --allow-mass-delete          Syndication:Deletion:AllowMassDelete=true: let this run remove many entries
          --Syndication:Key=VALUE      any other configuration key
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

        var command = args[0];
        if (Array.IndexOf(Commands, command) < 0)
        {
            throw new FormatException($"Unknown command '{command}'.");
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.Ordinal);
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
            if (Options.TryGetValue(name, out var mapped))
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
