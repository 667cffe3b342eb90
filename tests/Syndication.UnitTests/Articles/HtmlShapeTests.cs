using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class HtmlShapeTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("<p>a</p><p>b</p>", 2, 0)]
    [InlineData("<div><div><em>x</em></div></div>", 3, 3)]
    [InlineData("<br><img src=\"a.png\"><hr/>", 3, 0)]
    [InlineData("<div title=\"a > b\"><span>x</span></div>", 2, 2)]
    [InlineData("<!-- <div><div> --><b>x</b>", 1, 1)]
    [InlineData("<script>if (a <b) { x = '<div>'; }</script>", 1, 1)]
    [InlineData("1 < 2 and a<3 <> </>", 0, 0)]
    [InlineData("<ul><li>a<li>b<li>c</ul>", 4, 1)]
    [InlineData("</div></div><div>x</div>", 1, 1)]
    public void Measure_CountsElementsAndTheirNesting(string html, int elements, int depth) =>
        Assert.Equal((elements, depth), HtmlShape.Measure(html));

    [Fact]
    public void Measure_WellFormedHtml_AgreesWithAnHtmlParser()
    {
        // AngleSharp is the oracle: generated well-formed fragments of block and inline elements, attributes and comments.
        var random = new Random(5);
        var parser = new HtmlParser();
        var differences = new List<string>();
        for (var sample = 0; sample < 2000; sample++)
        {
            var html = new StringBuilder();
            Block(html, random, random.Next(1, 9));
            var text = html.ToString();
            var body = parser.ParseDocument($"<html><body>{text}</body></html>").Body!;
            var elements = body.QuerySelectorAll("*").ToList();
            var expected = (elements.Count, elements.Select(NestingAround).DefaultIfEmpty(0).Max());
            if (HtmlShape.Measure(text) != expected)
            {
                differences.Add($"{HtmlShape.Measure(text)} instead of {expected}: {text}");
            }
        }

        Assert.Empty(differences);
    }

    private static int NestingAround(IElement element)
    {
        var levels = 0;
        for (var current = element; current is not null && current.LocalName != "body"; current = current.ParentElement)
        {
            // Void elements and those whose end tag may be left out do not nest, by the rule measured.
            levels += current.LocalName is "p" or "li" or "br" or "img" or "hr" ? 0 : 1;
        }

        return levels;
    }

    private static void Block(StringBuilder html, Random random, int depth)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            switch (depth <= 0 ? 0 : random.Next(6))
            {
                case 0:
                    html.Append("<p>");
                    Inline(html, random, depth - 1);
                    html.Append("</p>");
                    break;
                case 1:
                    html.Append("<div title=\"a > b\">");
                    Block(html, random, depth - 1);
                    html.Append("</div>");
                    break;
                case 2:
                    html.Append("<ul>");
                    for (var item = random.Next(1, 3); item > 0; item--)
                    {
                        html.Append("<li>");
                        Block(html, random, depth - 1);
                        html.Append("</li>");
                    }

                    html.Append("</ul>");
                    break;
                case 3:
                    html.Append("<!-- <div> --><hr>");
                    break;
                default:
                    html.Append("<blockquote>");
                    Block(html, random, depth - 1);
                    html.Append("</blockquote>");
                    break;
            }
        }
    }

    private static void Inline(StringBuilder html, Random random, int depth)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            switch (depth <= 0 ? 0 : random.Next(4))
            {
                case 0:
                    html.Append("a &lt; b");
                    break;
                case 1:
                    html.Append("<em>");
                    Inline(html, random, depth - 1);
                    html.Append("</em>");
                    break;
                case 2:
                    html.Append("<img src='x.png' alt=\"1 > 0\"><br>");
                    break;
                default:
                    // Not a link: a link in a link is not well-formed, and a parser mends it.
                    html.Append("<span title=\"https://example.com/?a=1&amp;b=2\"><strong>");
                    Inline(html, random, depth - 1);
                    html.Append("</strong></span>");
                    break;
            }
        }
    }
}
