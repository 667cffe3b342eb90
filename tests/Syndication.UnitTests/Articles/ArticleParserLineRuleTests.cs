using System.Text.RegularExpressions;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class ArticleParserLineRuleTests
{
    // The rules as regular expressions, the form they had before each was written as one pass: the oracles.
    private static readonly Regex RelatedLine = new(
        @"^\s*[*_]{0,3}(?:read\s+also|read\s+more|see\s+also)\s*:\s*[*_]{0,3}\s*(?<rest>\S.*?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    [Fact]
    public void RelatedLineRest_EveryLineOfUpToSevenPieces_IsWhatTheRegularExpressionTakes()
    {
        var differences = new List<string>();
        foreach (var line in EveryLine.Of(["Read also", ":", " ", "*", "_", "x", "\u00A0"], 7))
        {
            Compare(line, differences);
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void RelatedLineRest_OnGeneratedLines_IsWhatTheRegularExpressionTakes()
    {
        string[] pieces =
        [
            "read", "READ", "Read", "rEaD", "rea", "see", "SEE", "Se", "also", "ALSO", "als", "more", "MORE", "mor", "ſ", "K",
            " ", "  ", "\t", "\u00A0", "\u2028", "\u3000", ":", "*", "**", "_", "x", "é", "[Other](https://example.com/o/)", "<", ">", "\r",
        ];
        var random = new Random(17);
        var differences = new List<string>();
        for (var n = 0; n < 200_000; n++)
        {
            Compare(string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)])), differences);
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void IsCodeFence_EveryLineOfUpToSevenCharacters_IsWhatTheRegularExpressionMatches()
    {
        var fence = new Regex(@"^\s{0,3}(?:```|~~~)", RegexOptions.CultureInvariant);
        var differences = EveryLine.Of([" ", "\t", "\u00A0", "`", "~", "x"], 7).Where(line => ArticleParser.IsCodeFence(line) != fence.IsMatch(line)).ToList();

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("Read also: Other story", "Other story")]
    [InlineData("  **See also:** [Other](https://example.com/o/)  ", "[Other](https://example.com/o/)")]
    [InlineData("READ   MORE :\tx", "x")]
    [InlineData("Read also: *", "*")]
    [InlineData("Read also: ** ", "*")]
    [InlineData("Read also:", null)]
    [InlineData("Read alsox: y", null)]
    [InlineData("Readalso: y", null)]
    [InlineData("****Read also: y", null)]
    public void RelatedLineRest_TakesTheTextAfterTheLabel(string line, string? expected) =>
        Assert.Equal(expected, ArticleParser.RelatedLineRest(line));

    [Fact]
    public void EveryLine_OfTwoPiecesUpToTwo_IsEachOfTheSevenLinesOnce() =>
        Assert.Equal(["", "a", "bc", "aa", "bca", "abc", "bcbc"], EveryLine.Of(["a", "bc"], 2));

    private static void Compare(string line, List<string> differences)
    {
        var match = RelatedLine.Match(line);
        var expected = match.Success ? match.Groups["rest"].Value : null;
        var actual = ArticleParser.RelatedLineRest(line);
        if (actual != expected)
        {
            differences.Add($"'{line}': '{actual}' instead of '{expected}'");
        }
    }
}
