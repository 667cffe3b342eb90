using Syndication.Articles;

namespace Syndication.Fuzz;

/// <summary>The project's types whose coverage afl-fuzz sees: all but those that run on several threads at once.</summary>
/// <remarks>
/// SharpFuzz keeps one "previous block" for the whole process, so instrumented code running on several threads at
/// once mixes their traces in afl-fuzz's map: with the related-article finder's parallel loops instrumented, only 5%
/// of runs repeated their coverage and 41% of the map filled with noise. Those types still run and can still fail;
/// afl-fuzz just does not see inside them.
/// </remarks>
internal static class CoverageScope
{
    private const string ParallelNamespace = "Syndication.Feeds.Related";

    /// <summary>Prefixes of type names for <c>sharpfuzz</c>, which instruments the types whose names start with one.</summary>
    public static IEnumerable<string> Prefixes() =>
        typeof(ArticleParser).Assembly.GetTypes()
            .Where(type => !type.IsNested)
            .Select(type => type.FullName!)
            // Compiler helpers (collection expressions, string switches) are shared by all code, the loops included.
            .Where(name => !name.StartsWith('<'))
            // A name that is a prefix of the parallel namespace would also select the types in it.
            .Where(name => !$"{ParallelNamespace}.".StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && !name.StartsWith($"{ParallelNamespace}.", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
