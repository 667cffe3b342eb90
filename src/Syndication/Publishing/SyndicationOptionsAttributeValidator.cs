using Microsoft.Extensions.Options;

namespace Syndication.Publishing;

/// <summary>The checks that <see cref="SyndicationOptions"/> and its sections declare with attributes, written out at compile time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class SyndicationOptionsAttributeValidator : IValidateOptions<SyndicationOptions>;
