using System.Text;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Related;
using Syndication.Formats;
using Syndication.Sources;

namespace Syndication.Fuzz;

/// <summary>
/// Bytes as an article, published the way a publishing pass does (state, related links, content, every format), and
/// every document read back by an independent reader. Refusing the article (<see cref="SourceFormatException"/>) is
/// fine; any other exception, or a document that is not well-formed, is a finding.
/// </summary>
internal static class RenderTarget
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Site = new("https://news.example.com/fuzz/");
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "fuzz") with { Hub = new Uri("https://hub.example.org/") };
    private static readonly HtmlContentSanitizer Sanitizer = new();

    // A second article, so that "Read also" titles can match one and the similarity index has something to compare.
    private static readonly Article Neighbour = ParseTarget.TryParse(
        "fuzz/neighbour.txt",
        Encoding.UTF8.GetBytes("Shipping data trace munitions\n\nPorts, shells and containers: the records of shipments to the border.\n"))
        ?? throw new InvalidOperationException("The neighbour article must parse.");

    public static void Run(byte[] input)
    {
        var articles = ParseTarget.Paths.Select(path => ParseTarget.TryParse(path, input)).OfType<Article>().ToList();
        if (articles.Count == 0)
        {
            return;
        }

        // The feed's own title, description and author come from the article too, so feed-level text meets the same input.
        var first = articles[0];
        var definition = new FeedDefinition
        {
            Name = "fuzz",
            Title = first.Title,
            Description = first.Summary,
            Link = Site,
            Language = "en",
            Author = first.Author ?? new Person("Fuzz Desk"),
        };
        articles.Add(Neighbour);
        var feed = new SourceFeed(definition, articles);
        // Related articles are computed here rather than by the resolver, which makes each document inside the finder's
        // parallel loop: project code on several threads at once is noise to afl-fuzz (see CoverageScope). Made up front,
        // the documents leave only the finder's own types in the loop.
        var resolver = new RelatedLinkResolver(new FeedCatalog([feed], []), related: null);
        var computed = ComputedRelated(articles, definition, resolver);
        var state = new FeedState();
        FeedStateUpdater.Apply(state, articles, Now, articles.Where(a => computed[a] is not null).ToDictionary(a => a.FileName, a => computed[a]!));
        var content = new FeedBuilder(resolver, Sanitizer).Build(feed, state).AsPage();
        ParseTarget.Log?.WriteLine($"       feed: {content.Entries.Count} entries, "
            + $"{content.Entries.Sum(e => e.Related.Count(l => l.Source == RelatedLinkSource.Computed))} computed related link(s)");

        DocumentChecks.WellFormedXml(Rss20DocumentWriter.Write(content, Urls, TimeSpan.FromMinutes(5)));
        DocumentChecks.WellFormedXml(Atom10DocumentWriter.Write(content, Urls));
        DocumentChecks.WellFormedJson(JsonFeedDocumentWriter.Write(content, Urls));
        // HTML has no well-formedness to check; writing it must still not throw.
        _ = FeedPageWriter.Write(content, Urls);
    }

    /// <summary>Each article's computed related articles, by key, as <see cref="RelatedLinkResolver"/> would find them.</summary>
    private static Dictionary<Article, IReadOnlyList<string>> ComputedRelated(List<Article> articles, FeedDefinition feed, RelatedLinkResolver resolver)
    {
        var keysByLink = new Dictionary<Uri, string>();
        foreach (var article in articles)
        {
            keysByLink.TryAdd(resolver.LinkOf(article, feed), RelatedLinkResolver.KeyOf(article, feed));
        }

        // The editor's links are excluded from the computed ones, as the resolver does.
        var documents = articles.Select(article => new RelatedDocument(
            RelatedLinkResolver.KeyOf(article, feed),
            article.Title,
            PlainText.FromHtml(article.BodyHtml),
            [.. resolver.ResolveAll(article, feed).Select(link => keysByLink.GetValueOrDefault(link.Href)).OfType<string>()])).ToList();
        var matches = new RelatedArticleFinder(new RelatedOptions()).Find(documents);
        return articles.Zip(matches).ToDictionary(
            pair => pair.First, pair => (IReadOnlyList<string>)[.. pair.Second.Select(match => match.Key)]);
    }
}
