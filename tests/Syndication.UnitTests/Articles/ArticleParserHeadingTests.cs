using System.Text.RegularExpressions;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class ArticleParserHeadingTests
{
    // The rule as a regular expression, the form it had before it was written as one pass: the oracle.
    private static readonly Regex Heading = new(@"^#\s+(?<text>.*?)(?:\s+#+)?\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public void HeadingText_EveryLineOfUpToSevenOfHashSpaceTabAndLetter_IsWhatTheRegularExpressionTakes()
    {
        var differences = new List<string>();
        foreach (var line in EveryLine.Of(["#", " ", "\t", "a"], 7))
        {
            var match = Heading.Match(line);
            var expected = match.Success ? match.Groups["text"].Value : null;
            if (ArticleParser.HeadingText(line) != expected)
            {
                differences.Add($"'{line}': '{ArticleParser.HeadingText(line)}' instead of '{expected}'");
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("# Title", "Title")]
    [InlineData("# Title ##", "Title")]
    [InlineData("#   Title  #  ", "Title")]
    [InlineData("# C#", "C#")]
    [InlineData("## Subtitle", null)]
    [InlineData("#Title", null)]
    public void HeadingText_ReadsLevelOneHeadingsOnly(string line, string? text) => Assert.Equal(text, ArticleParser.HeadingText(line));
}
