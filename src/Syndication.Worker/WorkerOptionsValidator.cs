using Microsoft.Extensions.Options;

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
        var failures = new List<string>();
        if (_attributes.Validate(name, options) is { Failed: true, Failures: { } declared })
        {
            failures.AddRange(declared);
        }

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
