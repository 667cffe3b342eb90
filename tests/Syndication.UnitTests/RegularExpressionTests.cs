using System.Reflection;
using System.Text.RegularExpressions;
using Syndication.Publishing;

namespace Syndication.Tests;

/// <summary>
/// Articles, feed definitions and inbox names are anyone's input: every regular expression in the library runs in
/// time linear in its input, so none can be made to backtrack for seconds (a line of spaces once did).
/// </summary>
public sealed class RegularExpressionTests
{
    [Fact]
    public void EveryRegularExpressionInTheLibrary_IsNonBacktracking()
    {
        var expressions = typeof(FeedPublisher).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => (Name: $"{m.DeclaringType!.Name}.{m.Name}", Regex: (Regex)m.Invoke(null, null)!))
            .ToList();

        Assert.True(expressions.Count >= 8, $"only {expressions.Count} expressions found: is the search still finding them?");
        Assert.Empty(expressions.Where(e => !e.Regex.Options.HasFlag(RegexOptions.NonBacktracking)).Select(e => $"{e.Name}: {e.Regex}"));
    }
}
