using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Tests;

/// <summary>
/// A feeds folder made for one test (the sample feeds plus the articles the test writes), built into
/// <see cref="FeedPage"/> and documents the way the publisher builds them, without storage.
/// </summary>
internal sealed class TestCorpus : IDisposable
{
    public static readonly Uri PublicBase = new("http://127.0.0.1:10000/devstoreaccount1/feeds");

    private readonly TemporaryFeedsFolder _folder = new();

    public List<SourceDiagnostic> Diagnostics { get; } = [];

    public TestCorpus Article(string relativePath, string text)
    {
        _folder.Write(relativePath, text);
        return this;
    }

    public FeedPage Build(string feed = "world")
    {
        var catalog = FolderCatalog.Read(_folder.Path);
        Diagnostics.AddRange(catalog.Diagnostics);
        var source = catalog.Feeds.Single(f => f.Definition.Name == feed);
        var state = new FeedState();
        FeedStateUpdater.Apply(state, source.Articles, TestClock.Now);
        return new FeedBuilder(new RelatedLinkResolver(catalog), new HtmlContentSanitizer()).Build(source, state).AsPage();
    }

    public static FeedUrls UrlsOf(string feed = "world") => FeedUrls.For(PublicBase, feed);

    public void Dispose() => _folder.Dispose();
}
