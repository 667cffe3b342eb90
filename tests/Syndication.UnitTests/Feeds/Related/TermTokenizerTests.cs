using Syndication.Feeds.Related;

namespace Syndication.Tests.Feeds.Related;

public sealed class TermTokenizerTests
{
    [Theory]
    // Case, diacritics and punctuation do not count; stop words, single letters and short numbers are dropped.
    [InlineData("The Café in Łódź, and the CAFE!", "cafe lodz cafe")]
    [InlineData("Straße Øresund", "strasse oresund")]
    [InlineData("Shells, countries, status and crisis", "shell country status crisis")]
    [InlineData("In 2024, 74 000 tonnes", "2024 tonne")]
    // Cyrillic and Greek are words like any other, with their case folded too.
    [InlineData("Київ і ХАРКІВ", "киів харків")]
    [InlineData("Αθήνα", "αθηνα")]
    // Scripts written without spaces become overlapping pairs of characters.
    [InlineData("北京新闻", "北京 京新 新闻")]
    public void Terms_SplitTextAsDocumented(string text, string expected) =>
        Assert.Equal(expected.Split(' '), TermTokenizer.Terms(text));
}
