namespace Syndication.Benchmarks;

/// <summary>The process's resident memory, read from Linux's /proc (the high-water mark can be reset there).</summary>
internal static class PeakMemory
{
    public static long Current() => Read("VmRSS:");

    public static long Peak() => Read("VmHWM:");

    /// <summary>Resets the high-water mark, so that <see cref="Peak"/> measures from now on.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process.
        }
    }

    private static long Read(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return Environment.WorkingSet;
        }

        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
