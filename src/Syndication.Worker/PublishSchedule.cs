using System.Globalization;
using Cronos;

namespace Syndication.Worker;

/// <summary>When the worker publishes: every fixed interval, or at the times of a cron expression in a time zone.</summary>
public sealed class PublishSchedule
{
    private readonly TimeSpan? _interval;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;
    private readonly string _text;

    private PublishSchedule(TimeSpan? interval, CronExpression? cron, TimeZoneInfo zone, string text)
    {
        _interval = interval;
        _cron = cron;
        _zone = zone;
        _text = text;
    }

    /// <summary>
    /// Reads <c>Syndication:Schedule</c>: a <see cref="TimeSpan"/> (<c>00:05:00</c>) or a cron expression of five
    /// fields, or six with seconds (<c>*/5 * * * *</c>), evaluated in <paramref name="timeZone"/> (an IANA or Windows
    /// id; UTC when empty). Without a schedule, <paramref name="interval"/> applies.
    /// </summary>
    /// <exception cref="FormatException">The schedule or the time zone cannot be read; the message names the setting.</exception>
    public static PublishSchedule Parse(string? schedule, TimeSpan interval, string? timeZone)
    {
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(timeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"Syndication:TimeZone '{timeZone}' is not a known time zone (use an IANA id such as Europe/Berlin).", e);
        }

        if (string.IsNullOrWhiteSpace(schedule))
        {
            return new PublishSchedule(interval, null, zone, interval.ToString("c", CultureInfo.InvariantCulture));
        }

        var text = schedule.Trim();
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var fixedInterval))
        {
            return fixedInterval >= TimeSpan.FromSeconds(1)
                ? new PublishSchedule(fixedInterval, null, zone, text)
                : throw new FormatException($"Syndication:Schedule '{text}' must be at least 00:00:01.");
        }

        try
        {
            var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            return new PublishSchedule(null, CronExpression.Parse(text, format), zone, text);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"Syndication:Schedule '{text}' is neither an interval (00:05:00) nor a cron expression: {e.Message}", e);
        }
    }

    /// <summary>The first time to publish strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        if (_interval is { } interval)
        {
            return after + interval;
        }

        return _cron!.GetNextOccurrence(after, _zone) ?? DateTimeOffset.MaxValue;
    }

    /// <summary>The usual gap between runs (the interval, or the gap between a cron expression's next two times): the RSS <c>ttl</c>, and the base of the health check.</summary>
    public TimeSpan TypicalInterval(DateTimeOffset now)
    {
        if (_interval is { } interval)
        {
            return interval;
        }

        var first = Next(now);
        var second = Next(first);
        return second == DateTimeOffset.MaxValue || first == DateTimeOffset.MaxValue ? TimeSpan.FromDays(1) : second - first;
    }

    /// <summary>The schedule as configured, with its time zone.</summary>
    public override string ToString() => _cron is null ? $"every {_text}" : $"cron '{_text}' ({_zone.Id})";
}
