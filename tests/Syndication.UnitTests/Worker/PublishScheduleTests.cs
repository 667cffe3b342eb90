using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class PublishScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_NoSchedule_UsesTheInterval() =>
        Assert.Equal(Noon.AddMinutes(5), PublishSchedule.Parse(null, TimeSpan.FromMinutes(5), null).Next(Noon));

    [Fact]
    public void Parse_IntervalText_IsAnInterval()
    {
        var schedule = PublishSchedule.Parse("00:15:00", TimeSpan.FromMinutes(5), null);

        Assert.Equal(Noon.AddMinutes(15), schedule.Next(Noon));
        Assert.Equal(TimeSpan.FromMinutes(15), schedule.TypicalInterval(Noon));
    }

    [Theory]
    [InlineData("*/10 * * * *", null, "2026-11-27T12:10:00Z")]
    [InlineData("0 6 * * *", null, "2026-11-28T06:00:00Z")]
    [InlineData("0 6 * * *", "Europe/Berlin", "2026-11-28T05:00:00Z")]
    [InlineData("30 */15 * * * *", null, "2026-11-27T12:00:30Z")]
    public void Next_Cron_FollowsTheExpressionInItsTimeZone(string cron, string? zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublishSchedule.Parse(cron, TimeSpan.FromMinutes(5), zone).Next(Noon));

    [Fact]
    public void TypicalInterval_Cron_IsTheGapBetweenTwoTimes() =>
        Assert.Equal(TimeSpan.FromMinutes(10), PublishSchedule.Parse("*/10 * * * *", TimeSpan.FromMinutes(5), null).TypicalInterval(Noon));

    [Theory]
    [InlineData("soon", null, "Syndication:Schedule")]
    [InlineData("61 * * * *", null, "Syndication:Schedule")]
    [InlineData("00:00:00", null, "Syndication:Schedule")]
    [InlineData("*/5 * * * *", "Mars/Olympus", "Syndication:TimeZone")]
    public void Parse_Invalid_NamesTheSetting(string schedule, string? zone, string setting) =>
        Assert.Contains(setting, Assert.Throws<FormatException>(() => PublishSchedule.Parse(schedule, TimeSpan.FromMinutes(5), zone)).Message, StringComparison.Ordinal);
}
