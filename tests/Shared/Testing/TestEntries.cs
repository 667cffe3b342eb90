using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Tests;

/// <summary>Feeds and entries built in memory, one entry per day after the Unix epoch, for tests that start after the feed model is built.</summary>
internal static class TestEntries
{
    /// <summary>The definition of feed <paramref name="name"/>.</summary>
    public static FeedDefinition Definition(string name = "f") =>
        new() { Name = name, Title = "F", Description = "F", Link = new Uri("https://example.com/"), Language = "en", Author = new Person("A") };

    /// <summary>A feed of <paramref name="entries"/> entries, newest first, dated by its newest.</summary>
    public static Feed Feed(int entries, string name = "f", Func<int, FeedEntry>? entry = null) => new()
    {
        Definition = Definition(name),
        Id = new Uri($"tag:example.com,2026:{name}"),
        Updated = DateTimeOffset.UnixEpoch.AddDays(entries),
        Entries = [.. Enumerable.Range(1, entries).Reverse().Select(entry ?? (day => Entry(day, name)))],
    };

    /// <summary>The entry of day <paramref name="day"/>, titled <c>Entry {day}</c>, its HTML made when read.</summary>
    public static FeedEntry Entry(int day, string name = "f") => new()
    {
        Id = new Uri($"tag:example.com,2026:{name}/{day}"),
        Link = new Uri($"https://example.com/{day}/"),
        Title = $"Entry {day}",
        Published = DateTimeOffset.UnixEpoch.AddDays(day),
        Updated = DateTimeOffset.UnixEpoch.AddDays(day),
        Author = new Person("A"),
        Summary = "S",
        MakeContentHtml = () => "<p>S</p>",
        SourceFile = $"{day}.txt",
        SourceHash = $"hash{day}",
    };
}
