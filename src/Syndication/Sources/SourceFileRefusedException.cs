namespace Syndication.Sources;

/// <summary>
/// A file of the feeds folder that is not read: not a regular file (a FIFO, a device, a socket), a link that leaves the
/// feeds folder, or larger than the size limit when read. The message says which, and names where a link leads.
/// </summary>
/// <remarks>
/// An <see cref="IOException"/>, so that every place that already treats an unreadable file as that file's problem
/// (skipped, reported, the run going on) treats a refused one the same way.
/// </remarks>
internal sealed class SourceFileRefusedException : IOException
{
    /// <summary>A refusal of <paramref name="path"/> for <paramref name="reason"/>.</summary>
    public SourceFileRefusedException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The file refused, as listed.</summary>
    public string Path { get; }

    /// <summary>Why it is refused.</summary>
    public string Reason { get; }
}
