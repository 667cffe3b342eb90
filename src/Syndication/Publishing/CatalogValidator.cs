using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Derived;
using Syndication.Sources;

namespace Syndication.Publishing;

/// <summary>
/// Checks the feeds folder without publishing: what reading finds (unreadable, empty, binary or invalid files,
/// malformed front matter or <c>feed.json</c>, missing fields, unsafe URLs), plus what only shows across articles:
/// "Read also" titles that match no article, titles, ids or links used twice within or across feeds, and tags or
/// authors whose derived feeds would share a slug. Articles
/// dated in the future are listed as held, and checked as publishing will check them once due.
/// </summary>
public static class CatalogValidator
{
    /// <summary>Reads <paramref name="feedsPath"/> and reports every problem, and the articles held at the time <paramref name="timeProvider"/> gives.</summary>
    /// <param name="feedsPath">The feeds folder.</param>
    /// <param name="options">The parser's limits.</param>
    /// <param name="timeProvider">The clock that decides which articles are held.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <param name="derived">The newsroom's derived feeds, whose tags and authors are checked for slugs that collide.</param>
    /// <exception cref="DirectoryNotFoundException">The feeds folder does not exist.</exception>
    public static async Task<ValidationReport> ValidateAsync(string feedsPath, ArticleParserOptions options, TimeProvider timeProvider, CancellationToken cancellationToken,
        DerivedFeedOptions? derived = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var catalog = await new FolderFeedSource(feedsPath, new ArticleParser(options)).ReadAsync(cancellationToken).ConfigureAwait(false);
        var (visible, embargo) = Embargo.Apply(catalog, timeProvider.GetUtcNow());
        var held = embargo.Held;
        var diagnostics = new List<SourceDiagnostic>(catalog.Diagnostics);
        // The derived feeds as publishing would plan them now; only what the plan reports counts here, not its titles or links.
        diagnostics.AddRange(DerivedFeedPlan.Of(visible.Feeds, derived ?? new DerivedFeedOptions(), "Feeds", new Uri("https://localhost/")).Diagnostics);
        var resolver = new RelatedLinkResolver(catalog);
        var articles = catalog.Feeds.SelectMany(f => f.Articles.Select(a => (Feed: f.Definition, Article: a))).ToList();

        foreach (var (feed, article) in articles)
        {
            foreach (var reference in article.Related)
            {
                var link = resolver.Resolve(reference, feed);
                if (link.Source == RelatedLinkSource.SlugFallback)
                {
                    diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, article.SourcePath, reference.Line,
                        $"related title '{reference.Title}' matches no article in any feed; linked by slug to {link.Href.AbsoluteUri}"));
                }
            }
        }

        ReportDuplicates(diagnostics, articles, a => TitleKey.Of(a.Article), "title", a => $"'{a.Article.Title}'");
        ReportDuplicates(diagnostics, articles, a => a.Article.Id?.OriginalString, "id", a => a.Article.Id!.OriginalString);
        // Equal titles give equal links; a shared link is worth its own warning only between different titles.
        ReportDuplicates(diagnostics, articles, a => ArticleLinks.LinkOf(a.Article, a.Feed).AbsoluteUri, "link", a => ArticleLinks.LinkOf(a.Article, a.Feed).AbsoluteUri,
            group => group.Select(a => TitleKey.Of(a.Article)).Distinct(StringComparer.Ordinal).Count() > 1);

        var ordered = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line ?? 0)
            .ToList();
        return new ValidationReport(Path.GetFullPath(feedsPath), catalog.Feeds.Count, articles.Count, ordered)
        {
            Held = [.. held.OrderBy(h => h.Until).ThenBy(h => h.File, StringComparer.Ordinal)],
        };
    }

    private static void ReportDuplicates(
        List<SourceDiagnostic> diagnostics,
        List<(FeedDefinition Feed, Article Article)> articles,
        Func<(FeedDefinition Feed, Article Article), string?> key,
        string what,
        Func<(FeedDefinition Feed, Article Article), string> describe,
        Func<IEnumerable<(FeedDefinition Feed, Article Article)>, bool>? worthReporting = null)
    {
        foreach (var group in articles.Where(a => key(a) is not null).GroupBy(a => key(a)!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            if (worthReporting is not null && !worthReporting(group))
            {
                continue;
            }

            var all = group.ToList();
            foreach (var item in all)
            {
                var others = string.Join(", ", all.Where(o => !ReferenceEquals(o.Article, item.Article)).Select(o => o.Article.SourcePath));
                diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, item.Article.SourcePath, null,
                    $"duplicate {what} {describe(item)}, also used by {others}"));
            }
        }
    }
}
