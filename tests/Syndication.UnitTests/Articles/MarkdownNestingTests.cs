using System.Text;
using Markdig;
using Markdig.Syntax;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class MarkdownNestingTests
{
    [Theory]
    [InlineData(">", 32, false)]
    [InlineData(">", 33, true)]
    [InlineData("> ", 33, true)]
    [InlineData(" - ", 32, false)]
    [InlineData(" - ", 33, true)]
    [InlineData("1. ", 33, true)]
    [InlineData("> - ", 17, true)]
    public void TooDeep_MarkersOpeningOneLine_AreCountedEach(string marker, int times, bool tooDeep) =>
        Assert.Equal(tooDeep ? 2 : null, MarkdownNesting.TooDeep(["Title", "", string.Concat(Enumerable.Repeat(marker, times)) + "x"]));

    [Theory]
    [InlineData(32, null)]
    [InlineData(33, 32)]
    public void TooDeep_ListItemsEachIndentedFurther_AreCountedByTheirIndentation(int levels, int? line) =>
        Assert.Equal(line, MarkdownNesting.TooDeep([.. Enumerable.Range(0, levels).Select(level => new string(' ', 2 * level) + "- x")]));

    [Fact]
    public void TooDeep_ManySiblingItemsAndParagraphs_AreNotNesting()
    {
        var lines = Enumerable.Range(0, 5000).SelectMany(i => (string[])[$"- item {i}", $"  more of item {i}", "", $"Paragraph {i}.", ""]).ToList();

        Assert.Null(MarkdownNesting.TooDeep(lines));
    }

    [Fact]
    public void TooDeep_MarkersInFencedCode_AreCode()
    {
        List<string> lines = ["```", .. Enumerable.Repeat(new string('>', 100), 3), "```", "~~~", "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x", "~~~"];

        Assert.Null(MarkdownNesting.TooDeep(lines));
    }

    [Fact]
    public void DepthOfEach_NeverCountsFewerLevelsThanMarkdigOpens()
    {
        // Markdig is the oracle: generated documents of quotes, bullets, numbers, indentation, blank lines and fences.
        var random = new Random(17);
        string[] markers = ["> ", "- ", "* ", "1. ", "2) ", ">"];
        var pipeline = new MarkdownPipelineBuilder().Build();
        var under = new List<string>();
        for (var document = 0; document < 3000; document++)
        {
            var text = new StringBuilder();
            for (var line = random.Next(1, 12); line > 0; line--)
            {
                text.Append(random.Next(8) switch
                {
                    0 => "\n",
                    1 => "```\n",
                    _ => new string(' ', random.Next(0, 9)) + string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => markers[random.Next(markers.Length)])) + "x\n",
                });
            }

            var markdown = text.ToString();
            var measured = MarkdownNesting.DepthOfEach(markdown.Split('\n')).DefaultIfEmpty(0).Max();
            var opened = Markdown.Parse(markdown, pipeline).Descendants<Block>().Select(LevelsAround).DefaultIfEmpty(0).Max();
            if (opened > measured)
            {
                under.Add($"{opened} levels opened, {measured} measured: {markdown.Replace("\n", "\\n", StringComparison.Ordinal)}");
            }
        }

        Assert.Empty(under);
    }

    /// <summary>How many quotes and list items hold <paramref name="block"/>, itself included.</summary>
    private static int LevelsAround(Block block)
    {
        var levels = 0;
        for (Block? current = block; current is not null; current = current.Parent)
        {
            levels += current is QuoteBlock or ListItemBlock ? 1 : 0;
        }

        return levels;
    }
}
