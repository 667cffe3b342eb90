using Syndication.Formats;

namespace Syndication.Tests.Formats;

public sealed class PooledBufferStreamTests
{
    [Fact]
    public void ToArray_AfterWritesAcrossManyChunks_HasTheBytesInOrder()
    {
        var random = new Random(7);
        using var expected = new MemoryStream();
        using var stream = new PooledBufferStream();
        // Sizes from one byte to more than the largest chunk, so writes start, end and straddle chunk boundaries.
        foreach (var size in Enumerable.Range(0, 200).Select(i => i % 50 == 0 ? 1_500_000 : random.Next(0, 70_000)))
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            expected.Write(bytes);
            stream.Write(bytes, 0, bytes.Length);
            expected.WriteByte((byte)size);
            stream.WriteByte((byte)size);
        }

        Assert.Equal(expected.Length, stream.Length);
        Assert.Equal(expected.ToArray(), stream.ToArray());
    }

    [Fact]
    public void ToArray_WithNothingWritten_IsEmpty()
    {
        using var stream = new PooledBufferStream();

        Assert.Empty(stream.ToArray());
    }

    [Fact]
    public void ToArray_WhenTheLastChunkIsExactlyFull_HasNoExtraBytes()
    {
        using var stream = new PooledBufferStream();
        stream.Write(new byte[16 * 1024]);

        Assert.Equal(16 * 1024, stream.ToArray().Length);
    }
}
