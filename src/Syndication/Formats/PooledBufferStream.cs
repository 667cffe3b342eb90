using System.Buffers;

namespace Syndication.Formats;

/// <summary>
/// A write-only stream that keeps what is written in chunks rented from <see cref="ArrayPool{T}.Shared"/>, for
/// documents whose size is not known in advance.
/// </summary>
/// <remarks>
/// A <see cref="MemoryStream"/> doubles its buffer as it grows, so a 35 MB document costs about 100 MB of buffers it
/// throws away, all on the large object heap and zeroed, and then a copy of the right size. Here the chunks go back
/// to the pool and the only array allocated is the document itself, of its exact size.
/// </remarks>
internal sealed class PooledBufferStream : Stream
{
    // Small enough that a small document rents little, large enough that a big one needs few chunks; the pool keeps
    // arrays of up to 1 MB in every size class.
    private const int FirstChunkSize = 16 * 1024;
    private const int LargestChunkSize = 1024 * 1024;

    private readonly List<byte[]> _chunks = [];
    private byte[] _current = [];
    private int _used;
    private long _completed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _completed + _used;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    /// <summary>A new array with everything written so far.</summary>
    public byte[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var count = ReferenceEquals(chunk, _current) ? _used : chunk.Length;
            chunk.AsSpan(0, count).CopyTo(result.AsSpan(offset));
            offset += count;
        }

        return result;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == _current.Length)
            {
                NextChunk();
            }

            var count = Math.Min(buffer.Length, _current.Length - _used);
            buffer[..count].CopyTo(_current.AsSpan(_used));
            _used += count;
            buffer = buffer[count..];
        }
    }

    public override void WriteByte(byte value)
    {
        if (_used == _current.Length)
        {
            NextChunk();
        }

        _current[_used++] = value;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            _current = [];
            _used = 0;
            _completed = 0;
        }

        base.Dispose(disposing);
    }

    private void NextChunk()
    {
        _completed += _used;
        // Rented arrays may be larger than asked: the whole array is used, and ToArray counts it in full.
        var size = _current.Length == 0 ? FirstChunkSize : Math.Min(_current.Length * 2, LargestChunkSize);
        _current = ArrayPool<byte>.Shared.Rent(size);
        _chunks.Add(_current);
        _used = 0;
    }
}
