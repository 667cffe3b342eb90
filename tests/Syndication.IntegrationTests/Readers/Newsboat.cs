using System.Text.Json;

namespace Syndication.Tests.Readers;

/// <summary>
/// Debian's newsboat: <c>newsboat -x reload</c> fetches a feed over HTTP into a fresh cache, which is then read back
/// (<c>newsboat_cache.py</c>): what newsboat keeps is what it shows.
/// </summary>
internal static class Newsboat
{
    private static readonly string? Executable = new[] { Environment.GetEnvironmentVariable("NEWSBOAT"), "/usr/bin/newsboat" }
        .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Subscribes to <paramref name="url"/> alone and reloads it once.</summary>
    public static async Task<Cache> ReloadAsync(Uri url)
    {
        ReaderProcess.RequireInstalled(Executable is not null && File.Exists(ReaderProcess.Python), "newsboat", "newsboat");

        // Its own folder each time: newsboat keys items by guid across feeds, so the RSS and Atom documents of one
        // feed, whose entries share their ids, must not share a cache.
        var home = Directory.CreateTempSubdirectory("syndication-newsboat-");
        try
        {
            var urls = Path.Combine(home.FullName, "urls");
            var config = Path.Combine(home.FullName, "config");
            var cache = Path.Combine(home.FullName, "cache.db");
            var errors = Path.Combine(home.FullName, "error.log");
            await File.WriteAllTextAsync(urls, url.AbsoluteUri + "\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(config, $"download-timeout 30\nerror-log \"{errors}\"\n", TestContext.Current.CancellationToken);

            await ReaderProcess.RunAsync(Executable!, ["-u", urls, "-c", cache, "-C", config, "-x", "reload"], home.FullName);

            var read = JsonSerializer.Deserialize<Cache>(await ReaderProcess.RunAsync(ReaderProcess.Python, [ReaderProcess.Script("newsboat_cache.py"), cache]), Json)!;
            // A feed newsboat could not fetch or parse is only written to its error log, and leaves no row.
            Assert.True(read.Feeds.Count == 1, $"newsboat kept no feed for {url}: {(File.Exists(errors) ? await File.ReadAllTextAsync(errors, TestContext.Current.CancellationToken) : "no error logged")}");
            return read;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    internal sealed record Cache(IReadOnlyList<Feed> Feeds, IReadOnlyList<Item> Items)
    {
        public Feed Feed => Feeds.Single();

        public Item ItemOf(HostileArticle article) =>
            Items.SingleOrDefault(i => i.Guid == article.Id) ?? throw new Xunit.Sdk.XunitException($"newsboat has no item {article.Id}.");

        public Item ItemTitled(string title) =>
            Items.SingleOrDefault(i => i.Title == title) ?? throw new Xunit.Sdk.XunitException($"newsboat has no item titled {title}.");
    }

    /// <param name="RssUrl">The URL newsboat fetched.</param>
    /// <param name="Url">The site's link.</param>
    internal sealed record Feed(string RssUrl, string Url, string Title);

    /// <param name="Content">The item's content as HTML (<c>content:encoded</c> in RSS, <c>content</c> in Atom).</param>
    internal sealed record Item(string Guid, string Title, string Author, string Url, string Content);
}
