using Syndication.Sources;

namespace Syndication.Tests.Sources;

public sealed class InboxListingTests
{
    private static SourceFile File(string feed, string name, string etag) => new(feed, name, 10, etag, Settled: true, "md5-" + etag);

    private static SourceFolder Folder(string name, params SourceFile[] files) => new(name, files);

    [Theory]
    [InlineData("world/001.md", true)]
    [InlineData("world/002.txt", true)]
    [InlineData("world/feed.json", true)]
    [InlineData("world/_draft.md", false)]
    [InlineData("world/map.png", false)]
    [InlineData("world/pictures/001.md", false)]
    [InlineData("_drafts/001.md", false)]
    [InlineData("feed.json", false)]
    [InlineData("/001.md", false)]
    [InlineData("world/a\nb.md", false)]
    [InlineData("world/a\tb.md", false)]
    [InlineData("world/x\\..\\001.md", false)]
    [InlineData("a\\b/feed.json", false)]
    [InlineData("../feed.json", false)]
    [InlineData("./world/001.md", false)]
    [InlineData("world/../001.md", false)]
    [InlineData("world/./001.md", false)]
    public void Matters_IsTrueOfFilesAReadUsesOnly(string name, bool matters) =>
        Assert.Equal(matters, InboxListing.Matters(name));

    [Fact]
    public void Load_FirstTime_TellsNoChange_AndKeepsOnlyWhatMatters()
    {
        var listing = new InboxListing();

        var changes = listing.Load([Folder("world", File("world", "feed.json", "1"), File("world", "001.md", "2"), File("world", "map.png", "3")), Folder("pictures", File("pictures", "x.png", "4"))], null);

        Assert.Empty(changes);
        Assert.Equal([("world", new[] { "001.md", "feed.json" })], listing.Folders(null).Select(f => (f.Name, f.Files.Select(x => x.Name).Order(StringComparer.Ordinal).ToArray())));
    }

    [Fact]
    public void Load_Again_TellsWhatIsNewChangedOrGone()
    {
        var listing = new InboxListing();
        listing.Load([Folder("world", File("world", "feed.json", "1"), File("world", "001.md", "2"), File("world", "002.md", "3"))], null);

        var changes = listing.Load([Folder("world", File("world", "feed.json", "1"), File("world", "001.md", "2b"), File("world", "003.md", "4"))], null);

        Assert.Equal(
            [new InboxChange("world/001.md", "2b"), new InboxChange("world/002.md", InboxChange.Absent), new InboxChange("world/003.md", "4")],
            changes.OrderBy(c => c.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Load_OneFeed_LeavesTheOthersAsTheyWere()
    {
        var listing = new InboxListing();
        listing.Load([Folder("world", File("world", "001.md", "1")), Folder("sport", File("sport", "001.md", "2"))], null);

        var changes = listing.Load([Folder("world", File("world", "002.md", "3"))], "world");

        Assert.Equal([new InboxChange("world/002.md", "3"), new InboxChange("world/001.md", InboxChange.Absent)], changes);
        Assert.Equal(["sport/001.md", "world/002.md"], listing.Folders(null).SelectMany(f => f.Files).Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Set_AddsReplacesAndRemoves_AndAnEmptyFolderGoes()
    {
        var listing = new InboxListing();
        listing.Load([], null);

        listing.Set("world/001.md", File("world", "001.md", "1"));
        var added = listing.VersionOf("world/001.md");
        listing.Set("world/001.md", File("world", "001.md", "2"));
        var replaced = listing.VersionOf("world/001.md");
        listing.Set("world/001.md", null);

        Assert.Equal(("1", "2", InboxChange.Absent), (added, replaced, listing.VersionOf("world/001.md")));
        Assert.Empty(listing.Folders(null));
    }
}
