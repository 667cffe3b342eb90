namespace Syndication.Sources;

/// <summary>
/// The bytes of files a run read, kept so that its later steps (the read under the lease, the copy of changed
/// articles) need not read them again; up to a budget, beyond which they are read again.
/// </summary>
internal sealed class KeptBytes(long budget)
{
    private readonly Dictionary<string, (string Stamp, string Hash, byte[] Bytes)> _files = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _size;

    /// <summary>Keeps the bytes of <paramref name="file"/> (as read), if the budget allows.</summary>
    public void Keep(SourceFile file, string hash, byte[] bytes)
    {
        lock (_gate)
        {
            var replaced = _files.TryGetValue(file.Key, out var old) ? old.Bytes.Length : 0;
            if (_size - replaced + bytes.Length > budget)
            {
                return;
            }

            _size += bytes.Length - replaced;
            _files[file.Key] = (file.Stamp, hash, bytes);
        }
    }

    /// <summary>The bytes kept for <paramref name="file"/> when they were read under the same stamp.</summary>
    public byte[]? Of(SourceFile file)
    {
        lock (_gate)
        {
            return _files.TryGetValue(file.Key, out var kept) && kept.Stamp == file.Stamp ? kept.Bytes : null;
        }
    }

    /// <summary>Takes (no longer keeps) the bytes kept for <paramref name="key"/> when they hash to <paramref name="hash"/>.</summary>
    public byte[]? Take(string key, string hash)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(key, out var kept) || kept.Hash != hash)
            {
                return null;
            }

            _files.Remove(key);
            _size -= kept.Bytes.Length;
            return kept.Bytes;
        }
    }

    /// <summary>Forgets everything kept: a new run starts.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _files.Clear();
            _size = 0;
        }
    }
}
