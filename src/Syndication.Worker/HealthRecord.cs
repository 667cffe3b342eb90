using System.Text.Json;

namespace Syndication.Worker;

/// <summary>
/// What the worker writes after every run to <c>Syndication:HealthFile</c>, and <c>syndication health</c> reads:
/// a probe for systemd or Kubernetes that needs no network port.
/// </summary>
/// <param name="LastRun">When the last run ended.</param>
/// <param name="LastSuccess">When the last run that published every feed ended, if any did.</param>
/// <param name="Interval">The usual gap between runs.</param>
/// <param name="LastError">Why the last run failed, if it did.</param>
public sealed record HealthRecord(DateTimeOffset LastRun, DateTimeOffset? LastSuccess, TimeSpan Interval, string? LastError)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Healthy when the last run succeeded and that success is within three intervals of <paramref name="now"/>: a
    /// failed run (storage unreachable, a feed not published) is unhealthy at once, not only once successes are stale.
    /// </summary>
    public bool IsHealthy(DateTimeOffset now) => LastError is null && LastSuccess is { } success && now - success <= Interval * 3;

    /// <summary>Writes the record atomically (a temporary file renamed over the old one), so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        // The default place is a state folder that may not exist yet.
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the record at <paramref name="path"/>, or <see langword="null"/> when there is none yet.</summary>
    /// <exception cref="JsonException">The file is not a health record.</exception>
    public static HealthRecord? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<HealthRecord>(File.ReadAllBytes(path), Json) : null;
}
