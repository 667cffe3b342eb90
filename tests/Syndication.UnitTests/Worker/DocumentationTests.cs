using System.Reflection;
using Syndication.Publishing;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

/// <summary>The README's configuration reference and <c>--help</c> agree with the code.</summary>
public sealed class DocumentationTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    public static TheoryData<string> SettingKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var key in Keys(typeof(SyndicationOptions), SyndicationOptions.SectionName).Concat(Keys(typeof(WorkerOptions), WorkerOptions.SectionName)))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(SettingKeys))]
    public void Readme_ReferenceTable_NamesEverySetting(string key) =>
        Assert.Contains($"`{key}", Readme, StringComparison.Ordinal);

    public static TheoryData<string> CommandNames() => ["publish", "run", "validate", "health"];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Readme_CommandReference_ListsExactlyTheOptionsTheHelpOfEachCommandLists(string command)
    {
        using var output = new StringWriter();
        await SyndicationCommand.RunAsync([command, "--help"], output, TextWriter.Null);
        var documented = ReferenceRows()
            .Where(row => row.Commands.Contains(command, StringComparison.Ordinal) || row.Commands == "every command")
            .SelectMany(row => row.Options);

        Assert.Equal(Commands.HelpText.Options(output.ToString()).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Readme_CommandReference_ListsTheRootOptions()
    {
        using var output = new StringWriter();
        await SyndicationCommand.RunAsync(["--help"], output, TextWriter.Null);
        var documented = ReferenceRows().SelectMany(row => row.Options).ToHashSet(StringComparer.Ordinal);

        Assert.All(Commands.HelpText.Options(output.ToString()), option => Assert.Contains(option, documented));
    }

    [Fact]
    public async Task Readme_ExitCodes_AreTheTableTheHelpPrints()
    {
        using var output = new StringWriter();
        await SyndicationCommand.RunAsync(["--help"], output, TextWriter.Null);
        var table = output.ToString().ReplaceLineEndings("\n")[output.ToString().ReplaceLineEndings("\n").IndexOf("Exit codes:", StringComparison.Ordinal)..].TrimEnd();

        Assert.Contains($"```text\n{table}\n```", Readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Readme_CommandTable_NamesEveryCommand(string command) =>
        Assert.Contains($"| `syndication {command}", Readme, StringComparison.Ordinal);

    // The rows of the README's command reference: their long option names and the commands column.
    private static IEnumerable<(string[] Options, string Commands)> ReferenceRows()
    {
        var section = Readme.ReplaceLineEndings("\n").Split("#### Command reference\n")[1].Split("\n#")[0];
        foreach (var row in section.Split('\n').Where(line => line.StartsWith("| `--", StringComparison.Ordinal)))
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var options = System.Text.RegularExpressions.Regex.Matches(cells[1], "`(--[a-z][a-z-]*)").Select(m => m.Groups[1].Value).ToArray();
            yield return (options, cells[2]);
        }
    }

    // Every settable property, nested classes as sections; dictionaries are documented by their key with <Kind>.
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && propertyType != typeof(Uri) && !propertyType.IsGenericType)
            {
                foreach (var nested in Keys(propertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
