using Syndication.Sources;

namespace Syndication.Tests.Sources;

public sealed class StableHashTests
{
    // The published FNV-1a 32-bit test vectors (ASCII text, so one byte per UTF-16 code unit).
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Of_AsciiName_IsItsFnv1aHash(string name, uint expected) =>
        Assert.Equal(expected, StableHash.Of(name));
}
