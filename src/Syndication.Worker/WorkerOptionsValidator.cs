using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.Worker;

/// <summary>
/// Checks <see cref="WorkerOptions"/> at start, naming each setting that is wrong: the ranges its attributes declare,
/// then the schedule and its time zone, which only their parsers can judge.
/// </summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    private readonly WorkerOptionsAttributeValidator _attributes = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Given the section as the name, the generated checks report settings by their keys.
        var failures = SettingFailures.Of(_attributes.Validate(WorkerOptions.SectionName, options)).ToList();

        try
        {
            _ = options.ParseSchedule();
        }
        catch (FormatException e)
        {
            failures.Add(e.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
