using System.Text.RegularExpressions;

namespace Syndication.Tests.Worker.Commands;

/// <summary>Reads the generated help: the long names of the options it lists.</summary>
internal static partial class HelpText
{
    /// <summary>Every <c>--name</c> in the first column of the options section of <paramref name="help"/>.</summary>
    public static IReadOnlyList<string> Options(string help)
    {
        var section = help.ReplaceLineEndings("\n").Split("\nOptions:\n")[1].Split("\n\n")[0];
        return [.. section.Split('\n').Select(line => LongName().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    }

    // "  -q, --quiet   Print..." or "  --feeds <DIR>  The..."
    [GeneratedRegex(@"^  (?:-\S+, )*(--[a-z][a-z-]*)")]
    private static partial Regex LongName();
}
