using Syndication.Publishing;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class DryRunSummaryTests
{
    private static FeedPublishResult Feed(string name, string[] uploads, string[] deletes, bool hub = false) =>
        new(name, 3, [], uploads.Length, 2, null, deletes.Length) { UploadNames = uploads, DeleteNames = deletes, HubNotified = hub };

    private static async Task<string[]> PrintAsync(PublishReport report)
    {
        using var output = new StringWriter();
        await DryRunSummary.WriteAsync(report, output);
        return output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task WriteAsync_AFeedThatWouldChange_ListsItsUploadsDeletionsAndTheHub()
    {
        var report = new PublishReport(
            [Feed("news", ["news/rss.xml", "news/atom.xml"], ["news/archive/3.xml"], hub: true)], [], []) { DryRun = true };

        var lines = await PrintAsync(report);

        Assert.Equal(
            [
                "news",
                "  would upload 2: news/rss.xml, news/atom.xml",
                "  would delete 1: news/archive/3.xml",
                "  would notify the hub",
                "Dry run: 1 of 1 feeds would change (2 uploads, 1 deletion, 1 hub notification); nothing was written.",
            ],
            lines);
    }

    [Fact]
    public async Task WriteAsync_FeedsWithNothingToDo_AreOnlyCounted()
    {
        var report = new PublishReport([Feed("quiet", [], []), Feed("sport", ["sport/feed.json"], [])], [], []) { DryRun = true };

        var lines = await PrintAsync(report);

        Assert.Equal(
            [
                "sport",
                "  would upload 1: sport/feed.json",
                "Dry run: 1 of 2 feeds would change (1 upload, 0 deletions, 0 hub notifications); nothing was written.",
            ],
            lines);
    }

    [Fact]
    public async Task WriteAsync_AFailedFeed_IsNamedWithItsReasonAndCounted()
    {
        var failed = new FeedPublishResult("tags/x", 0, [], 0, 0, "no feed is named 'tags/x'");

        var lines = await PrintAsync(new PublishReport([failed], [], []) { DryRun = true });

        Assert.Equal(
            [
                "tags/x: failed: no feed is named 'tags/x'",
                "Dry run: 0 of 1 feeds would change (0 uploads, 0 deletions, 0 hub notifications), 1 feed failed; nothing was written.",
            ],
            lines);
    }

    [Fact]
    public async Task WriteAsync_TheListOfAllFeedsChanged_ListsItsDocumentsInTheTotal()
    {
        var report = new PublishReport([Feed("news", [], [])], [], []) { DryRun = true, FeedListUploadNames = ["index.html", "feeds.opml"] };

        var lines = await PrintAsync(report);

        Assert.Equal(
            [
                "list of all feeds",
                "  would upload 2: index.html, feeds.opml",
                "Dry run: 0 of 1 feeds would change (2 uploads, 0 deletions, 0 hub notifications); nothing was written.",
            ],
            lines);
    }
}
