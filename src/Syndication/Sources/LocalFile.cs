using System.Runtime.InteropServices;

namespace Syndication.Sources;

/// <summary>
/// How the folder source reads a file: only a regular file whose real path is inside the feeds folder, never more
/// bytes than the limit, and cancellable.
/// </summary>
/// <remarks>
/// A FIFO blocks a reader until something writes to it, and ignores cancellation while it does; a link to
/// <c>/dev/zero</c> never ends; a link to <c>/etc/passwd</c> would publish it; a sparse file of gigabytes would be
/// read whole before its size was checked. The listing cannot tell a FIFO from an empty file (both are "normal" to
/// .NET), so the type is asked of the system (<c>statx</c>, whose layout is the same on every Linux architecture).
/// The check and the open are two steps: a file swapped for a FIFO between them can still block one read, which
/// only someone with write access to the feeds folder can do.
/// </remarks>
internal static partial class LocalFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 0x1C;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>
    /// The bytes of <paramref name="path"/>, a file under <paramref name="root"/> (the feeds folder).
    /// </summary>
    /// <param name="path">The file, as listed.</param>
    /// <param name="root">The feeds folder.</param>
    /// <param name="maxBytes">The most bytes a file may have.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="SourceFileRefusedException">The file is not a regular file inside the feeds folder, or has more than <paramref name="maxBytes"/> bytes.</exception>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    public static async Task<byte[]> ReadAsync(string path, string root, long maxBytes, CancellationToken cancellationToken)
    {
        var real = RealPathOf(path);
        var realRoot = RealPathOf(root);
        if (!Storage.PrivateFolder.IsWithin(real, realRoot))
        {
            throw new SourceFileRefusedException(path, $"it is a link to '{real}', outside the feeds folder; only files inside it are read");
        }

        if (KindOf(real) is { } kind && kind != Regular)
        {
            throw new SourceFileRefusedException(path, $"it is {Describe(kind)}, not a regular file; only regular files are read");
        }

        var stream = new FileStream(real, new FileStreamOptions
        {
            Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        await using var _ = stream.ConfigureAwait(false);
        // Read up to one byte past the limit: the length listed earlier may no longer be the length now.
        var buffer = new byte[(int)Math.Min(Math.Max(stream.Length, 0) + 1, maxBytes + 1)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > maxBytes)
                {
                    throw new SourceFileRefusedException(path, $"it has more than {maxBytes} bytes, the limit (Syndication:Articles:MaxFileBytes)");
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>The path with every link resolved.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at the path, or a link leads nowhere.</exception>
    private static string RealPathOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }

        var resolved = RealPath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            throw new FileNotFoundException($"'{path}' does not exist, or is a link that leads nowhere.", path);
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? full;
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>The file type bits of <paramref name="path"/>, or <see langword="null"/> where the system cannot say (then the read goes ahead).</summary>
    private static int? KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        return Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) == 0
            ? BitConverter.ToUInt16(buffer, StatxModeOffset) & TypeMask
            : null;
    }

    private static string Describe(int kind) => kind switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "a special file",
    };

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
