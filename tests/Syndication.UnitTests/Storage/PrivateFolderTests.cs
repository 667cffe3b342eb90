using Microsoft.Extensions.Time.Testing;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

/// <summary><c>publish --out DIR</c>: the output folder holds what is served, the publisher's own files lie beside it.</summary>
public sealed class PrivateFolderTests : IDisposable
{
    private const int MovedEvent = 1050;
    private readonly TemporaryFeedsFolder _feeds = new();
    private readonly string _parent = Directory.CreateTempSubdirectory("syndication-site-").FullName;

    private string Output => Path.Combine(_parent, "site");

    // Worked out from the documented default, not from the code: the output folder's name, then ".syndication-state".
    private string DefaultState => Path.Combine(_parent, "site.syndication-state");

    private string FormerState => Path.Combine(Output, ".syndication");

    [Theory]
    [InlineData("/feeds", "/feeds/a/b.txt", true)]
    [InlineData("/feeds", "/feeds", true)]
    [InlineData("/feeds", "/feeds-other/b.txt", false)]
    [InlineData("/feeds/", "/feeds/b.txt", true)]
    [InlineData("/feeds", "/etc/passwd", false)]
    [InlineData("/", "/etc/passwd", true)]
    public void IsWithin_TellsAPathInsideTheFolderFromOneBesideIt(string folder, string path, bool inside) =>
        Assert.Equal(inside, PrivateFolder.IsWithin(path, folder));

    [Fact]
    public void Of_NoStatePath_IsBesideTheOutputFolder() =>
        Assert.Equal(DefaultState, PrivateFolder.Of(Output + Path.DirectorySeparatorChar, null));

    [Fact]
    public void Of_StatePath_IsThatFolder() =>
        Assert.Equal(Path.Combine(_parent, "private"), PrivateFolder.Of(Output, Path.Combine(_parent, "private")));

    [Fact]
    public void Of_OutputFolderIsARoot_HasNoDefault() =>
        Assert.Null(PrivateFolder.Of(Path.GetPathRoot(_parent)!, null));

    [Fact]
    public async Task Publish_ToAFolder_LeavesOnlyDocumentsInIt()
    {
        await PublishAsync(TestClock.Create());

        Assert.DoesNotContain(Directory.GetFileSystemEntries(Output, "*", SearchOption.AllDirectories), e => e.Contains(".syndication", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(DefaultState, "state", "world.json")));
        Assert.True(File.Exists(Path.Combine(DefaultState, "published", "world.json")));
        Assert.True(Directory.Exists(Path.Combine(DefaultState, "sources", "world")));
    }

    [Fact]
    public async Task Publish_WithStatePath_KeepsThePrivateFilesThere()
    {
        var state = Path.Combine(_parent, "elsewhere", "private");

        await PublishAsync(TestClock.Create(), o => o.StatePath = state);

        Assert.True(File.Exists(Path.Combine(state, "state", "world.json")));
        Assert.False(Directory.Exists(DefaultState));
        Assert.False(Directory.Exists(FormerState));
    }

    [Fact]
    public async Task Publish_OutputFolderInTheFormerLayout_MovesThePrivateFilesOnceAndChangesNoDocument()
    {
        await PublishAsync(TestClock.Create());
        // The layout of earlier versions: the same three folders, under .syndication in the output folder.
        Directory.Move(DefaultState, FormerState);
        var before = Documents();
        var logger = new ListLogger<FeedPublisher>();

        // Two days later: an article dated anew, or a document written again, would show.
        var report = await PublishAsync(new FakeTimeProvider(TestClock.Now.AddDays(2)), logger: logger);

        Assert.All(report.Feeds, f => Assert.Equal(0, f.Uploaded));
        Assert.Equal(before, Documents());
        Assert.False(Directory.Exists(FormerState));
        Assert.True(File.Exists(Path.Combine(DefaultState, "state", "world.json")));
        var moved = Assert.Single(logger.Entries, e => e.Event.Id == MovedEvent);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, moved.Level);
        Assert.Contains(FormerState, moved.Message, StringComparison.Ordinal);
        Assert.Contains(DefaultState, moved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BothLayoutsPresent_UsesTheNewOneAndMovesNothing()
    {
        await PublishAsync(TestClock.Create());
        Directory.CreateDirectory(FormerState);
        var logger = new ListLogger<FeedPublisher>();

        await PublishAsync(TestClock.Create(), logger: logger);

        Assert.Equal(0, logger.Count(MovedEvent));
        Assert.True(Directory.Exists(FormerState));
    }

    [Fact]
    public async Task DryRun_OutputFolderInTheFormerLayout_ReadsItWhereItIsAndMovesNothing()
    {
        await PublishAsync(TestClock.Create());
        Directory.Move(DefaultState, FormerState);

        var report = await PublishAsync(new FakeTimeProvider(TestClock.Now.AddDays(2)), o => o.DryRun = true);

        Assert.All(report.Feeds, f => Assert.Equal(0, f.Uploaded));
        Assert.True(Directory.Exists(FormerState));
        Assert.False(Directory.Exists(DefaultState));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        Directory.Delete(_parent, recursive: true);
    }

    private SortedDictionary<string, string> Documents() => new(
        Directory.GetFiles(Output, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".syndication", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Output, f), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    private async Task<PublishReport> PublishAsync(TimeProvider time, Action<SyndicationOptions>? change = null, ListLogger<FeedPublisher>? logger = null)
    {
        var options = new SyndicationOptions { FeedsPath = _feeds.Path, OutputPath = Output, PublicBaseUrl = new Uri("https://feeds.example.org/") };
        change?.Invoke(options);
        var report = await TestPublisher.Create(options, time, logger).PublishAsync(TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
        return report;
    }
}
