using Syndication.Feeds.Derived;

namespace Syndication.Tests.Feeds.Derived;

public sealed class DerivedFeedNameTests
{
    [Theory]
    [InlineData("Ukraine", " ukraine ")]
    [InlineData("North Korea", "north\t \nKOREA")]
    [InlineData("C#", "\uFF23\uFF03")] // fullwidth Ｃ＃: a compatibility form of the same text
    [InlineData("Jane Doe", "JANE  DOE")]
    public void Key_SpellingsDifferingInCaseWhiteSpaceOrCompatibilityForm_AreTheSame(string spelling, string other) =>
        Assert.Equal(DerivedFeedName.Key(spelling), DerivedFeedName.Key(other));

    [Theory]
    [InlineData("C#", "C")]
    [InlineData("C++", "C")]
    [InlineData("e-mail", "email")]
    [InlineData("North Korea", "NorthKorea")]
    public void Key_SpellingsDifferingInPunctuationOrSpacing_AreDifferent(string spelling, string other) =>
        Assert.NotEqual(DerivedFeedName.Key(spelling), DerivedFeedName.Key(other));

    [Theory]
    [InlineData("  North \t Korea ", "north korea")]
    [InlineData("C#", "c#")]
    public void Key_IsLowercaseWithSingleSpacesAndNoEnds(string text, string key) =>
        Assert.Equal(key, DerivedFeedName.Key(text));

    [Theory]
    [InlineData("north korea", "north-korea")]
    [InlineData("c#", "c")]
    [InlineData("c", "c")]
    [InlineData("côte d’ivoire", "cote-divoire")]
    [InlineData("україна", "ukrayina")]
    public void SlugOf_AKeyWithLatinOrTransliteratedLetters_IsItsUrlSlug(string key, string slug) =>
        Assert.Equal(slug, DerivedFeedName.SlugOf(key));

    // "u" and the first 10 hex digits of the SHA-256 of the key's UTF-8 bytes, worked out outside the code under test
    // (python3: hashlib.sha256("中国".encode()).hexdigest()[:10]).
    [Theory]
    [InlineData("中国", "uf0e9521611")]
    [InlineData("乌克兰", "u2929408da7")]
    public void SlugOf_AKeyWithNothingInAscii_IsAStableHashOfIt(string key, string slug) =>
        Assert.Equal(slug, DerivedFeedName.SlugOf(key));

    [Fact]
    public void SlugOf_TwoNonAsciiKeys_AreDifferentAndUrlSafe()
    {
        var china = DerivedFeedName.SlugOf("中国");
        var ukraine = DerivedFeedName.SlugOf("乌克兰");

        Assert.NotEqual(china, ukraine);
        Assert.Matches("^u[0-9a-f]{10}$", china);
        Assert.Equal(china, Uri.EscapeDataString(china));
    }

    [Fact]
    public void TagAndAuthor_AreTheSlugInTheirFolder()
    {
        Assert.Equal("tags/north-korea", DerivedFeedName.Tag("north-korea"));
        Assert.Equal("authors/jane-doe", DerivedFeedName.Author("jane-doe"));
        Assert.Equal("all", DerivedFeedName.All);
    }
}
