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

    [Fact]
    public void Of_ArticleCopiedWithAnotherTitle_IsTheKeyOfItsOwnTitle()
    {
        var article = Syndication.Tests.TestArticles.Create("a.md", "Serbia’s Shells");
        Assert.Equal("serbias shells", TitleKey.Of(article));

        var renamed = article with { Title = "Pyongyang — Munitions" };

        Assert.Equal("pyongyang munitions", TitleKey.Of(renamed));
        Assert.Equal("serbias shells", TitleKey.Of(article));
    }

    [Fact]
    public void Of_Reference_IsTheKeyOfItsTitle() =>
        Assert.Equal("north korea", TitleKey.Of(new RelatedReference("North  Korea!", null, 3)));
}
