using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Syndication.Publishing;

/// <summary>Turns the failures of a generated options validator (<see cref="OptionsValidatorAttribute"/>) into messages that name configuration keys.</summary>
/// <remarks>
/// A generated validator given the section as the options name reports a setting by its path with dots, after the
/// member's name, and ignores the <c>ErrorMessage</c> of <c>[Range]</c> (dotnet/runtime#123137); so this is the one
/// place where <c>MaxRetries: The field Syndication.Storage.MaxRetries must be between 0 and 10.</c> becomes
/// <c>Syndication:Storage:MaxRetries must be between 0 and 10.</c> Other messages pass unchanged.
/// </remarks>
public static partial class SettingFailures
{
    /// <summary>The failures of <paramref name="result"/>, each naming its key; none when it succeeded.</summary>
    public static IEnumerable<string> Of(ValidateOptionsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result is { Failed: true, Failures: { } failures } ? failures.Select(Rewrite) : [];
    }

    private static string Rewrite(string failure)
    {
        if (Generated().Match(failure) is not { Success: true } generated)
        {
            return failure;
        }

        var key = generated.Groups["path"].Value.Replace('.', ':');
        var rule = generated.Groups["rule"].Value;
        // A range up to the type's largest value is a lower bound only.
        if (Range().Match(rule) is { Success: true } range && IsUnbounded(range.Groups["max"].Value))
        {
            rule = range.Groups["exclusive"].Success ? $"must be more than {range.Groups["min"].Value}." : $"must be at least {range.Groups["min"].Value}.";
        }

        return $"{key} {rule}";
    }

    private static bool IsUnbounded(string maximum) =>
        maximum == int.MaxValue.ToString(CultureInfo.CurrentCulture)
        || maximum == long.MaxValue.ToString(CultureInfo.CurrentCulture)
        || maximum == TimeSpan.MaxValue.ToString();

    [GeneratedRegex(@"^\w+: The field (?<path>[\w.]+) (?<rule>.+)$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Generated();

    [GeneratedRegex(@"^must be between (?<min>\S+)(?<exclusive> exclusive)? and (?<max>\S+)\.$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Range();
}
