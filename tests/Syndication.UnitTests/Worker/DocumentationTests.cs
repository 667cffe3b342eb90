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

    [Fact]
    public void Help_And_Readme_NameEveryOption()
    {
        foreach (var (option, key) in CommandLineArguments.Options)
        {
            Assert.Contains(option, CommandLineArguments.Usage, StringComparison.Ordinal);
            Assert.Contains(key, CommandLineArguments.Usage, StringComparison.Ordinal);
            Assert.Contains($"`{option}", Readme, StringComparison.Ordinal);
        }

        foreach (var flag in CommandLineArguments.FlagCommands.Keys)
        {
            Assert.Contains(flag, CommandLineArguments.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_CommandTable_NamesEveryCommand()
    {
        foreach (var command in CommandLineArguments.Commands)
        {
            Assert.Contains($"`syndication {command}", Readme, StringComparison.Ordinal);
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
