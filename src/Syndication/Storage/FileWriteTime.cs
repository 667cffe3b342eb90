namespace Syndication.Storage;

/// <summary>When a file's length and write time can be trusted to show its next write.</summary>
internal static class FileWriteTime
{
    // FAT keeps write times to 2 s, and Linux takes them from a clock that advances by ticks: a file written again
    // within that of its first write may keep the same time.
    private static readonly TimeSpan Granularity = TimeSpan.FromSeconds(2);

    /// <summary>Whether a file last written at <paramref name="written"/> (UTC) is old enough at <paramref name="now"/> that any later write changes its write time.</summary>
    public static bool IsSettled(DateTime written, DateTime now) => now - written > Granularity;
}
