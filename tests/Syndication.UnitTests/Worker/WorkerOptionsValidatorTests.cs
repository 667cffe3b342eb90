using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class WorkerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new WorkerOptionsValidator().Validate(null, new WorkerOptions()).Succeeded);

    [Theory]
    [InlineData("*/5 * * * *", "Europe/Berlin")]
    [InlineData("0 */10 * * * *", null)]
    [InlineData("00:15:00", null)]
    public void Validate_Schedule_Succeeds(string schedule, string? timeZone) =>
        Assert.True(new WorkerOptionsValidator().Validate(null, new WorkerOptions { Schedule = schedule, TimeZone = timeZone }).Succeeded);

    public static TheoryData<string, Action<WorkerOptions>> InvalidSettings => new()
    {
        { "Syndication:Interval", o => o.Interval = TimeSpan.Zero },
        { "Syndication:Interval", o => o.Interval = TimeSpan.FromMilliseconds(999) },
        { "Syndication:WatchDebounce", o => o.WatchDebounce = TimeSpan.FromMilliseconds(-1) },
        { "Syndication:ShutdownTimeout", o => o.ShutdownTimeout = TimeSpan.FromSeconds(-1) },
        { "Syndication:Schedule", o => o.Schedule = "every now and then" },
        { "Syndication:Schedule", o => o.Schedule = "00:00:00.5" },
        { "Syndication:TimeZone", o => o.TimeZone = "Mars/Olympus" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_FailsNamingIt(string setting, Action<WorkerOptions> breakIt)
    {
        var options = new WorkerOptions();
        breakIt(options);

        var result = new WorkerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
