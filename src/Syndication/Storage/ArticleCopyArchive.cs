using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Syndication.Storage;

/// <summary>
/// The copies of a feed's article files (<see cref="IArticleCopyStore"/>), packed into a fixed number of zip archives by a hash of the file name.
/// </summary>
/// <remarks>
/// One blob per article made the first publication of a large feed twice as slow (10,000 small uploads); with
/// <see cref="Buckets"/> archives a new feed costs that many uploads, and a changed article rewrites one archive.
/// The bucket of a name never changes, whichever machine computes it.
/// </remarks>
internal static class ArticleCopyArchive
{
    /// <summary>How many archives a feed's copies are spread over.</summary>
    public const int Buckets = 64;

    /// <summary>The archive that holds the copy of <paramref name="fileName"/>.</summary>
    public static int BucketOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(fileName), hash);
        return hash[0] % Buckets;
    }

    /// <summary>An archive with the files of <paramref name="existing"/> (if any), the <paramref name="files"/> added or replacing theirs.</summary>
    public static byte[] Merge(ReadOnlyMemory<byte>? existing, IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var merged = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        if (existing is { } old)
        {
            using var reader = new ZipArchive(new MemoryStream(old.ToArray(), writable: false), ZipArchiveMode.Read);
            foreach (var entry in reader.Entries)
            {
                merged[entry.FullName] = ReadEntry(entry);
            }
        }

        foreach (var (name, bytes) in files)
        {
            merged[name] = bytes;
        }

        using var output = new MemoryStream();
        using (var writer = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in merged)
            {
                var entry = writer.CreateEntry(name, CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(bytes.Span);
            }
        }

        return output.ToArray();
    }

    /// <summary>The copy of <paramref name="fileName"/> in <paramref name="archive"/>, or <see langword="null"/> when it holds none.</summary>
    /// <exception cref="InvalidDataException">The archive is damaged.</exception>
    public static byte[]? Find(ReadOnlyMemory<byte> archive, string fileName)
    {
        using var reader = new ZipArchive(new MemoryStream(archive.ToArray(), writable: false), ZipArchiveMode.Read);
        return reader.GetEntry(fileName) is { } entry ? ReadEntry(entry) : null;
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream((int)entry.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
