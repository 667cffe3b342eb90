using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class TitleKeyTests
{
    [Theory]
    [InlineData("Serbia’s ammunition ends up in Ukraine", "Serbia's ammunition ends up in Ukraine")]
    [InlineData("SERBIA'S AMMUNITION", "serbia’s ammunition")]
    [InlineData("Ends up: in Ukraine!", "ends up in ukraine")]
    [InlineData("“Quoted”  title", "\"Quoted\" title")]
    [InlineData("Well-known", "well known")]
    public void Normalize_IgnoresCaseQuotesAndPunctuation(string a, string b) =>
        Assert.Equal(TitleKey.Normalize(a), TitleKey.Normalize(b));

    [Theory]
    [InlineData("Café", "Cafe")]
    [InlineData("Ukraine 2023", "Ukraine 2024")]
    public void Normalize_KeepsLettersAccentsAndDigits(string a, string b) =>
        Assert.NotEqual(TitleKey.Normalize(a), TitleKey.Normalize(b));
}
