using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>
/// The documents one feed writes: for each page its RSS, Atom and JSON Feed documents, and the feed's page for people
/// with the subscription page. The one naming rule, shared by the writers, the planning of a run and the deletion of
/// what no page writes any more.
/// </summary>
/// <param name="urls">Where the feed's documents are served.</param>
/// <param name="pages">The feed's pages (see <see cref="FeedPaging.Paginate"/>): the subscription page, then the archives.</param>
/// <param name="pageSize">How many entries a full page holds.</param>
/// <param name="timeToLive">The RSS <c>ttl</c>.</param>
internal sealed class FeedDocumentSet(FeedUrls urls, IReadOnlyList<FeedPage> pages, int pageSize, TimeSpan timeToLive)
{
    /// <summary>The feed's name: the prefix of all its documents.</summary>
    public string Feed => pages[0].Name;

    /// <summary>The pages, the subscription page first.</summary>
    public IReadOnlyList<FeedPage> Pages => pages;

    /// <summary>The name under which a feed's document is stored: <c>&lt;feed&gt;/&lt;file&gt;</c>.</summary>
    public static string NameOf(string feed, string fileName) => $"{feed}/{fileName}";

    /// <summary>The prefix under which every document of <paramref name="feed"/> is stored.</summary>
    public static string PrefixOf(string feed) => feed + "/";

    /// <summary>Whether <paramref name="name"/>, stored under the feed's prefix, is a document this publisher writes (and so may delete when no page needs it).</summary>
    public static bool IsOwned(string feed, string name) =>
        name.StartsWith(NameOf(feed, FeedUrls.ArchiveFolder + "/"), StringComparison.Ordinal)
        || name == NameOf(feed, FeedUrls.RssFileName) || name == NameOf(feed, FeedUrls.AtomFileName)
        || name == NameOf(feed, FeedUrls.JsonFileName) || name == NameOf(feed, FeedUrls.PageFileName);

    /// <summary>The names of the documents written for page <paramref name="page"/>.</summary>
    public IReadOnlyList<string> NamesOf(int page)
    {
        List<string> names = [.. Enum.GetValues<FeedFormat>().Select(format => NameOf(Feed, Navigation(format, page).FileName))];
        if (page == 0)
        {
            names.Add(NameOf(Feed, FeedUrls.PageFileName));
        }

        return names;
    }

    /// <summary>Where page <paramref name="page"/> sits among the pages, in <paramref name="format"/>.</summary>
    public FeedNavigation Navigation(FeedFormat format, int page) => FeedNavigation.ForPage(urls, format, pages, page, pageSize);

    /// <summary>
    /// The documents of the <paramref name="changed"/> pages, made one at a time as storage asks for them: first the
    /// archive pages (wave 0), then the subscription documents and the feed's page (wave 1), which link to them.
    /// </summary>
    public IEnumerable<FeedDocument> Render(IReadOnlySet<int> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        for (var page = 1; page < pages.Count; page++)
        {
            if (changed.Contains(page))
            {
                foreach (var document in RenderPage(page, WithContent(pages[page])))
                {
                    yield return document;
                }
            }
        }

        if (changed.Contains(0))
        {
            var head = WithContent(pages[0]);
            foreach (var document in RenderPage(0, head))
            {
                yield return document with { Wave = 1 };
            }

            yield return FeedPageWriter.Write(head, urls) with { Wave = 1 };
        }
    }

    /// <summary>The page with each entry's HTML made once, for all its documents, and let go with the page.</summary>
    private static FeedPage WithContent(FeedPage page) => page with { Entries = [.. page.Entries.Select(e => e.WithContent())] };

    /// <summary>Page <paramref name="number"/> in each format, from <paramref name="content"/> (the page with its HTML made).</summary>
    private IEnumerable<FeedDocument> RenderPage(int number, FeedPage content)
    {
        yield return Rss20DocumentWriter.Write(content, urls, timeToLive, Navigation(FeedFormat.Rss, number));
        yield return Atom10DocumentWriter.Write(content, urls, Navigation(FeedFormat.Atom, number));
        yield return JsonFeedDocumentWriter.Write(content, urls, Navigation(FeedFormat.Json, number));
    }
}
