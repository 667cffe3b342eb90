using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class SourceTextTests
{
    private const string File = "feeds/world/story.txt";

    private static string Decode(byte[] bytes, List<SourceDiagnostic>? diagnostics = null) => SourceText.Decode(File, bytes, diagnostics ?? []);

    private static SourceFormatException DecodeFails(byte[] bytes) => Assert.Throws<SourceFormatException>(() => Decode(bytes));

    [Theory]
    [InlineData(new byte[0], "the file is empty")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "the file is empty (white space only)")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D }, "the file is empty (white space only)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00 }, "the file is empty (white space only)")]
    [InlineData(new byte[] { 0x54, 0x00, 0x69 }, "the file is binary (it contains NUL characters), not text")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "the file is not valid UTF-8 text (byte 0); save it as UTF-8")]
    [InlineData(new byte[] { 0x54, 0x69, 0x74, 0x6C, 0x65, 0xE9, 0x0A }, "the file is not valid UTF-8 text (byte 5); save it as UTF-8")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0xC3 }, "the file is not valid UTF-8 text (byte 4); save it as UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00 }, "the file is not valid UTF-16 text (byte 4); save it as UTF-8")]
    public void Decode_NotText_ThrowsWithTheReason(byte[] bytes, string detail)
    {
        var error = DecodeFails(bytes);

        Assert.Equal(detail, error.Detail);
        Assert.Equal(File, error.File);
    }

    [Theory]
    [InlineData(new byte[] { 0x57, 0xC3, 0xB6, 0x72, 0x6C, 0x64 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x57, 0xC3, 0xB6, 0x72, 0x6C, 0x64 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x57, 0x00, 0xF6, 0x00, 0x72, 0x00, 0x6C, 0x00, 0x64, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x57, 0x00, 0xF6, 0x00, 0x72, 0x00, 0x6C, 0x00, 0x64 })]
    public void Decode_Utf8OrUtf16WithByteOrderMark_IsTheTextWithoutTheMark(byte[] bytes) =>
        Assert.Equal("Wörld", Decode(bytes));

    [Fact]
    public void Decode_Utf16WithoutByteOrderMark_IsBinary()
    {
        var error = DecodeFails(Encoding.Unicode.GetBytes("Title"));

        Assert.Equal("the file is binary (it contains NUL characters), not text", error.Detail);
    }

    [Theory]
    [InlineData("one\r\ntwo\r\n", "one\ntwo\n")]
    [InlineData("one\rtwo\r", "one\ntwo\n")]
    [InlineData("one\r\r\ntwo\n\rthree", "one\n\ntwo\n\nthree")]
    [InlineData("one\ntwo", "one\ntwo")]
    public void Decode_CrLfAndLoneCr_BecomeLf(string text, string expected) =>
        Assert.Equal(expected, Decode(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Decode_CharactersXmlCannotCarry_AreRemovedWithAWarningPerLine()
    {
        var diagnostics = new List<SourceDiagnostic>();

        var text = Decode(Encoding.UTF8.GetBytes("Title\u0001\r\n\r\nclean line\n\u001b body \uFFFE end\u0007\n"), diagnostics);

        Assert.Equal("Title\n\nclean line\n body  end\n", text);
        Assert.Equal(
            [
                new SourceDiagnostic(DiagnosticSeverity.Warning, File, 1, "1 control or non-character code point(s) that XML cannot carry were removed"),
                new SourceDiagnostic(DiagnosticSeverity.Warning, File, 4, "3 control or non-character code point(s) that XML cannot carry were removed"),
            ],
            diagnostics);
    }

    [Fact]
    public void Decode_TabsAndLineEnds_AreKeptWithoutWarnings()
    {
        var diagnostics = new List<SourceDiagnostic>();

        Assert.Equal("a\tb\nc", Decode(Encoding.UTF8.GetBytes("a\tb\nc"), diagnostics));
        Assert.Empty(diagnostics);
    }
}
