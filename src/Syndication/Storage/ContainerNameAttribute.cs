using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Storage;

/// <summary>
/// A blob container name as Azure accepts it: 3 to 63 lowercase letters, digits and single hyphens, starting and
/// ending with a letter or digit; and <c>$web</c> where <see cref="AllowsStaticWebsite"/> says so. <see langword="null"/>
/// means "not set" and passes; an empty name does not.
/// </summary>
/// <remarks><c>{0}</c> in <see cref="ValidationAttribute.ErrorMessage"/> is the rejected name, which tells the operator more than the property's.</remarks>
[AttributeUsage(AttributeTargets.Property)]
internal sealed partial class ContainerNameAttribute : ValidationAttribute
{
    /// <summary>Whether <paramref name="name"/> is a valid container name.</summary>
    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> is a valid name for the published container: a valid container name, or <c>$web</c>.</summary>
    public static bool IsValidPublicName(string name) => name == StaticWebsite.Container || IsValidName(name);

    /// <summary>
    /// Whether <c>$web</c>, the static website's container, is accepted too: only where documents are published, since
    /// the static website endpoint serves whatever is in it to anyone.
    /// </summary>
    public bool AllowsStaticWebsite { get; set; }

    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string name || (AllowsStaticWebsite ? IsValidPublicName(name) : IsValidName(name))
            ? ValidationResult.Success
            : new ValidationResult(string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name)); // the message names the key: no member name before it

    // Azure also refuses two hyphens in a row, which the character class alone would let through: checked beside it.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Pattern();
}
