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
        string[] pieces = ["Read also", ":", " ", "*", "_", "x", "\u00A0"];
        var differences = new List<string>();
        for (var length = 0; length <= 7; length++)
        {
            var count = (int)Math.Pow(pieces.Length, length);
            for (var n = 0; n < count; n++)
            {
                var line = string.Empty;
                for (int i = 0, rest = n; i < length; i++, rest /= pieces.Length)
                {
                    line += pieces[rest % pieces.Length];
                }

                Compare(line, differences);
            }
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
        var alphabet = " \t\u00A0`~x";
        var differences = new List<string>();
        for (var length = 0; length <= 7; length++)
        {
            var count = (int)Math.Pow(alphabet.Length, length);
            for (var n = 0; n < count; n++)
            {
                var chars = new char[length];
                for (int i = 0, rest = n; i < length; i++, rest /= alphabet.Length)
                {
                    chars[i] = alphabet[rest % alphabet.Length];
                }

                var line = new string(chars);
                if (ArticleParser.IsCodeFence(line) != fence.IsMatch(line))
                {
                    differences.Add($"'{line}'");
                }
            }
        }

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
