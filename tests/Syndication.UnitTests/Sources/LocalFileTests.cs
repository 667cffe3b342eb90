using Syndication.Sources;

namespace Syndication.Tests.Sources;

/// <summary>A local file is read whole up to the limit, refused past it whatever its listed length, and the read can be cancelled.</summary>
public sealed class LocalFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("syndication-localfile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task ReadAsync_AFileUpToTheLimit_ReturnsAllItsBytes(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var path = Write("a.txt", bytes);

        var read = await LocalFile.ReadAsync(path, _root, maxBytes: 100_000, TestContext.Current.CancellationToken);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task ReadAsync_OneByteOverTheLimit_IsRefusedNamingTheLimit()
    {
        var path = Write("big.txt", new byte[1_001]);

        var refused = await Assert.ThrowsAsync<SourceFileRefusedException>(() => LocalFile.ReadAsync(path, _root, maxBytes: 1_000, TestContext.Current.CancellationToken));

        Assert.Equal(path, refused.Path);
        Assert.Contains("more than 1000 bytes", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ASparseFileOfGigabytes_IsRefusedAfterReadingNoMoreThanTheLimit()
    {
        var path = Path.Combine(_root, "sparse.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(4L << 30);
        }

        var refused = await Assert.ThrowsAsync<SourceFileRefusedException>(() => LocalFile.ReadAsync(path, _root, maxBytes: 1 << 20, TestContext.Current.CancellationToken));

        Assert.Contains("more than 1048576 bytes", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWithCancellation()
    {
        var path = Write("a.txt", new byte[10]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LocalFile.ReadAsync(path, _root, maxBytes: 100, cancelled.Token));
    }

    [Fact]
    public async Task ReadAsync_ALinkInsideThatLeadsOut_IsRefused()
    {
        var outside = Directory.CreateTempSubdirectory("syndication-localfile-out-").FullName;
        try
        {
            var target = Path.Combine(outside, "t.txt");
            await File.WriteAllTextAsync(target, "x", TestContext.Current.CancellationToken);
            var folder = Path.Combine(_root, "feed");
            Directory.CreateSymbolicLink(folder, outside); // the feed's folder itself leads out

            var refused = await Assert.ThrowsAsync<SourceFileRefusedException>(() => LocalFile.ReadAsync(Path.Combine(folder, "t.txt"), _root, 100, TestContext.Current.CancellationToken));

            Assert.Contains("outside the feeds folder", refused.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
