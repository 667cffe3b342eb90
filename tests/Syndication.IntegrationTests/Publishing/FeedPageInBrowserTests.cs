using System.Diagnostics;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Syndication.Tests.Storage;

namespace Syndication.Tests.Publishing;

/// <summary>
/// The published pages opened from Azurite in a real browser (headless Chromium from Debian's <c>chromium</c>
/// package): the DOM it builds is checked, and a screenshot is saved under <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class FeedPageInBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string ScreenshotFolder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    private readonly string _container = AzuriteFixture.NewContainerName();

    public async ValueTask InitializeAsync()
    {
        var time = TestClock.Create();
        var report = await AzuriteFixture.CreatePublisher(azurite.OptionsFor(_container, RepositoryPaths.Feeds), time).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FeedPage_InChromium_ShowsEveryEntryAndTheAutodiscoveryLinks()
    {
        var dom = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(UrlOf("world/index.html")));

        Assert.Equal("World", dom.QuerySelector("h1")?.TextContent);
        var titles = dom.QuerySelectorAll("main article h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryPaths.Feeds, "world"), "*.*").Count(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)), titles.Count);
        Assert.Contains("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated", titles);
        Assert.Equal(
            [UrlOf("world/rss.xml").AbsoluteUri, UrlOf("world/atom.xml").AbsoluteUri, UrlOf("world/feed.json").AbsoluteUri],
            dom.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal(["RSS", "Atom", "JSON Feed"], dom.QuerySelectorAll(".subscribe a").Select(a => a.TextContent));

        var screenshot = await Chromium.ScreenshotAsync(UrlOf("world/index.html"), Path.Combine(ScreenshotFolder, "world-index.png"));
        Assert.True(new FileInfo(screenshot).Length > 1000);
    }

    [Fact]
    public async Task DirectoryPage_InChromium_ListsEveryFeed()
    {
        var dom = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(UrlOf("index.html")));

        // The folder feeds, then the derived ones (the all-news feed takes the newsroom's title, "Feeds" by default).
        var feeds = dom.QuerySelectorAll("main h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["From the newsroom", "World", "Feeds"], feeds.Take(3));
        Assert.Contains("Feeds: Ukraine", feeds);
        Assert.Equal(3 * feeds.Count, dom.QuerySelectorAll("head link[rel=alternate]").Length);

        await Chromium.ScreenshotAsync(UrlOf("index.html"), Path.Combine(ScreenshotFolder, "index.png"));
    }

    private Uri UrlOf(string blob) => azurite.UrlOf(_container, blob);

    /// <summary>Runs headless Chromium as a command: no driver, nothing downloaded.</summary>
    private static class Chromium
    {
        private static readonly string? Executable = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

        public static async Task<string> DumpDomAsync(Uri url) => await RunAsync("--dump-dom", url.AbsoluteUri);

        public static async Task<string> ScreenshotAsync(Uri url, string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);
            await RunAsync($"--screenshot={path}", "--window-size=1000,900", "--hide-scrollbars", url.AbsoluteUri);
            Assert.True(File.Exists(path), $"Chromium wrote no screenshot to {path}");
            return path;
        }

        private static async Task<string> RunAsync(params string[] arguments)
        {
            if (Executable is null)
            {
                // CI installs Chromium (.ci/run); elsewhere the test says what is missing instead of failing.
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Chromium is not installed (apt-get install chromium).");
                Assert.Skip("Chromium is not installed (apt-get install chromium); the browser test is skipped.");
            }

            var userData = Directory.CreateTempSubdirectory("syndication-chromium-");
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", $"--user-data-dir={userData.FullName}",
                     }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await error}");
                return await output;
            }
            finally
            {
                userData.Delete(recursive: true);
            }
        }
    }
}
