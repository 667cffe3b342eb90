using Microsoft.Extensions.Options;

namespace Syndication.Worker;

/// <summary>The checks that <see cref="WorkerOptions"/> declares with attributes, written out at compile time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class WorkerOptionsAttributeValidator : IValidateOptions<WorkerOptions>;
