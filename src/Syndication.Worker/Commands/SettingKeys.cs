using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// Which keys of the <c>Syndication</c> section bind to a setting: the properties of <see cref="SyndicationOptions"/>
/// and <see cref="WorkerOptions"/>, nested classes as sections, collections by index and dictionaries by any key,
/// compared without case as the configuration binder does. The binder ignores any other key, so a misspelt one would
/// silently leave its setting at the default.
/// </summary>
public static class SettingKeys
{
    private static readonly Type[] Roots = [typeof(SyndicationOptions), typeof(WorkerOptions)];

    // Read from the configuration by name rather than bound (AddSyndication's telemetry switch).
    private static readonly HashSet<string> ReadByName = new(StringComparer.OrdinalIgnoreCase) { "Telemetry:OtlpEndpoint" };

    /// <summary>The keys under <c>Syndication</c> in <paramref name="configuration"/> that no setting binds, each with where it comes from.</summary>
    public static IReadOnlyList<string> Unknown(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unknown = new List<string>();
        foreach (var (key, value) in configuration.GetSection(SyndicationOptions.SectionName).AsEnumerable())
        {
            if (value is null || key.Length == SyndicationOptions.SectionName.Length)
            {
                continue;
            }

            var relative = key[(SyndicationOptions.SectionName.Length + 1)..];
            var path = relative.Split(':');
            if (!ReadByName.Contains(relative) && !Roots.Any(root => Binds(root, path, 0)))
            {
                unknown.Add($"{key} is not a setting{SourceOf(configuration, key)}; see the README's configuration reference");
            }
        }

        unknown.Sort(StringComparer.OrdinalIgnoreCase);
        return unknown;
    }

    /// <summary>Whether <paramref name="path"/> from <paramref name="index"/> on names something of <paramref name="type"/>.</summary>
    private static bool Binds(Type type, string[] path, int index)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (index == path.Length)
        {
            return true;
        }

        if (IsValue(type))
        {
            return false;
        }

        if (DictionaryOf(type) is [var key, var value])
        {
            // The binder skips a key it cannot convert, such as an enum member that does not exist.
            return (!key.IsEnum || Enum.TryParse(key, path[index], ignoreCase: true, out _)) && Binds(value, path, index + 1);
        }

        if (ElementOfCollection(type) is { } element)
        {
            return int.TryParse(path[index], NumberStyles.None, CultureInfo.InvariantCulture, out _) && Binds(element, path, index + 1);
        }

        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && string.Equals(p.Name, path[index], StringComparison.OrdinalIgnoreCase));
        return property is not null && Binds(property.PropertyType, path, index + 1);
    }

    // What the binder converts from one string: primitives, enums, and types with a converter (TimeSpan, Uri, ...).
    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || (!type.IsArray && ElementOfCollection(type) is null && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static Type[]? DictionaryOf(Type type) =>
        (type.IsGenericType && IsDictionary(type.GetGenericTypeDefinition()) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && IsDictionary(i.GetGenericTypeDefinition())))
            ?.GetGenericArguments();

    private static bool IsDictionary(Type definition) => definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>);

    private static Type? ElementOfCollection(Type type) =>
        type.IsArray ? type.GetElementType()
        : type == typeof(string) ? null
        : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ?.GetGenericArguments()[0];

    /// <summary>Where <paramref name="key"/> is set, in the words a user knows: the last source that sets it wins, so it is named.</summary>
    private static string SourceOf(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return string.Empty;
        }

        var provider = root.Providers.LastOrDefault(p => p.TryGet(key, out _));
        return provider switch
        {
            Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => $" (in {json.Source.Path})",
            Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $" (the environment variable {key.Replace(":", "__", StringComparison.Ordinal)})",
            Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => " (on the command line)",
            _ => string.Empty,
        };
    }
}
