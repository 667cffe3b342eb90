using System.Globalization;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// The <c>--Syndication:Key=VALUE</c> and <c>--Syndication:Key VALUE</c> tokens of a command line: any setting, given
/// as configuration rather than as an option of a command.
/// </summary>
/// <param name="Arguments">The command line without those tokens, for the parser.</param>
/// <param name="Settings">The keys and values the tokens set, in the order given.</param>
public sealed record ConfigurationTokens(string[] Arguments, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    private const string Prefix = "--" + SyndicationOptions.SectionName + ":";

    /// <summary>Takes the configuration tokens out of <paramref name="args"/>.</summary>
    /// <exception cref="FormatException">A token without its value.</exception>
    public static ConfigurationTokens Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arguments = new List<string>();
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                arguments.AddRange(args.Skip(i));
                break;
            }

            if (!args[i].StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                arguments.Add(args[i]);
                continue;
            }

            var token = args[i][2..];
            if (token.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                settings.Add(new(token[..equals], token[(equals + 1)..]));
            }
            else if (i + 1 < args.Count)
            {
                settings.Add(new(token, args[++i]));
            }
            else
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The setting '{args[i]}' needs a value: {args[i]}=VALUE or {args[i]} VALUE."));
            }
        }

        return new ConfigurationTokens([.. arguments], settings);
    }
}
