using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class SlugTests
{
    [Theory]
    // Latin titles: lowercase, apostrophes dropped, everything else a single hyphen.
    [InlineData("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated", "1-6-million-artillery-shells-north-koreas-contribution-to-russias-war-estimated")]
    [InlineData("Serbia's ammunition ends up in Ukraine", "serbias-ammunition-ends-up-in-ukraine")]
    [InlineData("  --Hello,   World!--  ", "hello-world")]
    // Accents are folded; letters without a decomposition are transliterated.
    [InlineData("Café à Paris: Straße, Łódź, Øresund", "cafe-a-paris-strasse-lodz-oresund")]
    // Cyrillic and Greek are transliterated.
    [InlineData("Харків і Львів", "kharkiv-i-lviv")]
    [InlineData("Москва объявила", "moskva-obyavila")]
    [InlineData("Србија и Ђоковић", "srbija-i-djokovic")]
    [InlineData("Αθήνα", "athina")]
    public void FromTitle_WritesAsciiSlug(string title, string expected) =>
        Assert.Equal(expected, Slug.FromTitle(title));

    [Theory]
    [InlineData("北京新闻")]
    [InlineData("…!?")]
    [InlineData("")]
    public void FromTitle_NothingInAscii_ReturnsNull(string title) =>
        Assert.Null(Slug.FromTitle(title));

    [Fact]
    public void FromTitle_LongTitle_IsCutAtAHyphen()
    {
        var slug = Slug.FromTitle(string.Join(' ', Enumerable.Repeat("word", 40)));

        Assert.NotNull(slug);
        Assert.InRange(slug.Length, 1, Slug.MaxLength);
        Assert.EndsWith("word", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFileName_UsesTheNameWithoutExtension() =>
        Assert.Equal("000-1cfd89721070237b", Slug.FromFileName("000_1cfd89721070237b.txt"));
}
