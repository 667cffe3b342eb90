using System.Globalization;
using Syndication.Articles;
using Syndication.Sources;

namespace Syndication.Feeds.Derived;

/// <summary>
/// Which derived feeds a run publishes, and which of them each article goes to: worked out from the folder feeds' articles
/// and what each feed chose (<see cref="FeedDefinition.Derived"/>, else <see cref="DerivedFeedOptions"/>).
/// </summary>
/// <remarks>
/// Tags and authors are matched without regard to case or white space. Two different ones that make the same slug
/// (<c>C#</c> and <c>C</c>) share that slug's feed, whose title names both, and each is reported with a file that uses it,
/// so that an editor can rename one. A folder feed named like a derived feed's folder keeps its place, and that kind of
/// derived feed is not published (an error naming the folder) until one of them is renamed or turned off.
/// </remarks>
internal sealed class DerivedFeedPlan
{
    private readonly Dictionary<string, (bool Tags, bool Authors, bool All)> _choices;
    private readonly Dictionary<string, string> _tagSlugs;
    private readonly Dictionary<string, string> _authorSlugs;
    private readonly bool _all;

    private DerivedFeedPlan(Dictionary<string, (bool, bool, bool)> choices, Dictionary<string, string> tagSlugs, Dictionary<string, string> authorSlugs,
        bool all, IReadOnlyList<DerivedFeed> feeds, IReadOnlyList<SourceDiagnostic> diagnostics)
    {
        (_choices, _tagSlugs, _authorSlugs, _all) = (choices, tagSlugs, authorSlugs, all);
        (Feeds, Diagnostics) = (feeds, diagnostics);
    }

    /// <summary>The derived feeds: the feed of every article, then those per author, then per tag, each by slug.</summary>
    public IReadOnlyList<DerivedFeed> Feeds { get; }

    /// <summary>Tags and authors whose slugs collide, and folder feeds in the way of a derived feed's folder.</summary>
    public IReadOnlyList<SourceDiagnostic> Diagnostics { get; }

    /// <summary>The plan of the derived feeds of <paramref name="feeds"/>.</summary>
    /// <param name="feeds">The folder feeds, as visible in the run.</param>
    /// <param name="options">The newsroom's choices.</param>
    /// <param name="newsroom">The newsroom's name (<c>Syndication:Title</c>), which the derived feeds' titles start with.</param>
    /// <param name="feedList">The page listing every feed: the derived feeds' link when their sources share no site.</param>
    public static DerivedFeedPlan Of(IReadOnlyList<SourceFeed> feeds, DerivedFeedOptions options, string newsroom, Uri feedList)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<SourceDiagnostic>();
        var choices = feeds.ToDictionary(f => f.Definition.Name,
            f => (Tags: f.Definition.Derived.Tags ?? options.Tags, Authors: f.Definition.Derived.Authors ?? options.Authors, All: f.Definition.Derived.All ?? options.All),
            StringComparer.Ordinal);
        var tags = Wanted(DerivedFeedName.TagsFolder, c => c.Tags, "the tag feeds");
        var authors = Wanted(DerivedFeedName.AuthorsFolder, c => c.Authors, "the author feeds");
        var all = Wanted(DerivedFeedName.All, c => c.All, "the all-news feed");

        var definitions = new Definitions(options, newsroom, feedList);
        var derived = new List<DerivedFeed>();
        if (all)
        {
            var members = Members(c => c.All).ToList();
            derived.Add(definitions.Make(DerivedFeedName.All, newsroom,
                string.Create(CultureInfo.InvariantCulture, $"Every article of {newsroom}."), members, author: null));
        }

        var authorSlugs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (authors)
        {
            var byAuthor = Members(c => c.Authors).Select(m => (Key: DerivedFeedName.Key(m.Article.Author?.Name ?? m.Feed.Author.Name), Member: m));
            foreach (var (slug, keys, members) in Slugged(byAuthor, "author", authorSlugs, m => [(m.Article.Author ?? m.Feed.Author).Name]))
            {
                var person = members.Select(m => m.Article.Author ?? m.Feed.Author).GroupBy(p => p)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Uri?.AbsoluteUri, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Email, StringComparer.Ordinal).First().Key;
                var name = keys.Count == 1 ? person.Name : Spelled(members.Select(m => (m.Article.Author ?? m.Feed.Author).Name), keys);
                derived.Add(definitions.Make(DerivedFeedName.Author(slug), $"{newsroom}: {name}", $"Articles by {name} in {newsroom}.", members,
                    keys.Count == 1 ? person : null));
            }
        }

        var tagSlugs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tags)
        {
            var byTag = Members(c => c.Tags).SelectMany(m => m.Article.Tags.Select(DerivedFeedName.Key).Distinct(StringComparer.Ordinal).Select(key => (Key: key, Member: m)));
            foreach (var (slug, keys, members) in Slugged(byTag, "tag", tagSlugs, m => m.Article.Tags))
            {
                var name = Spelled(members.SelectMany(m => m.Article.Tags), keys);
                derived.Add(definitions.Make(DerivedFeedName.Tag(slug), $"{newsroom}: {name}", $"Articles tagged {name} in {newsroom}.", members, author: null));
            }
        }

        return new DerivedFeedPlan(choices, tagSlugs, authorSlugs, all, derived, diagnostics);

        bool Wanted(string folder, Func<(bool Tags, bool Authors, bool All), bool> chosen, string what)
        {
            if (!choices.Values.Any(chosen))
            {
                return false;
            }

            if (!choices.ContainsKey(folder))
            {
                return true;
            }

            // Named as the source names the folder's files, when it has one to tell.
            var article = feeds.First(f => f.Definition.Name == folder).Articles.FirstOrDefault();
            var file = article is null ? $"{folder}/{FeedDefinition.FileName}" : Path.Combine(Path.GetDirectoryName(article.SourcePath) ?? folder, FeedDefinition.FileName);
            diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Error, file, null,
                $"the feed folder '{folder}' is in the way of derived feeds ({what}): they are not published until the folder is renamed or they are turned off"));
            return false;
        }

        IEnumerable<(FeedDefinition Feed, Article Article)> Members(Func<(bool Tags, bool Authors, bool All), bool> chosen) =>
            feeds.Where(f => chosen(choices[f.Definition.Name])).SelectMany(f => f.Articles.Select(a => (f.Definition, a)));

        // The feeds of one kind by slug, each with the keys that make its slug and its articles; slugs shared by
        // different keys are reported once for each key, with the first file that uses it.
        IEnumerable<(string Slug, IReadOnlyList<string> Keys, List<(FeedDefinition Feed, Article Article)> Members)> Slugged(
            IEnumerable<(string Key, (FeedDefinition Feed, Article Article) Member)> keyed, string what, Dictionary<string, string> slugs,
            Func<(FeedDefinition Feed, Article Article), IEnumerable<string>> spellings)
        {
            var byKey = keyed.Where(k => k.Key.Length > 0).GroupBy(k => k.Key, StringComparer.Ordinal).ToList();
            foreach (var group in byKey)
            {
                slugs[group.Key] = DerivedFeedName.SlugOf(group.Key);
            }

            foreach (var bySlug in byKey.GroupBy(g => slugs[g.Key], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var keys = bySlug.Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
                if (keys.Count > 1)
                {
                    // Named as the articles spell them most often.
                    var written = bySlug.ToDictionary(g => g.Key, g => Spelled(g.SelectMany(k => spellings(k.Member)), [g.Key]), StringComparer.Ordinal);
                    foreach (var key in bySlug)
                    {
                        var others = string.Join(", ", bySlug.Where(o => o.Key != key.Key).Select(o => $"'{written[o.Key]}'"));
                        diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, key.Select(k => k.Member.Article.SourcePath).Min(StringComparer.Ordinal)!, null,
                            $"the {what} '{written[key.Key]}' makes the slug '{bySlug.Key}' like the {what} {others}: their articles share one feed; rename one to keep them apart"));
                    }
                }

                var members = bySlug.SelectMany(g => g.Select(k => k.Member)).DistinctBy(m => m.Article).ToList();
                yield return (bySlug.Key, keys, members);
            }
        }
    }

    /// <summary>
    /// The derived feeds among <paramref name="published"/> (those a run published before) that this plan no longer
    /// has, because no article has that tag or author any more: each is written once more, empty, so that it keeps
    /// no article that was removed or changed, and readers subscribed to it get a valid feed rather than a stale one.
    /// </summary>
    public IReadOnlyList<DerivedFeed> Ended(IEnumerable<string> published, string newsroom, Uri feedList)
    {
        ArgumentNullException.ThrowIfNull(published);
        var current = Feeds.Select(f => f.Definition.Name).ToHashSet(StringComparer.Ordinal);
        // A folder feed that has since taken the name (or its first folder) owns those blobs now: never write over it.
        return [.. published.Where(name => !current.Contains(name) && !_choices.ContainsKey(name.Split('/')[0])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name => new DerivedFeed(
            new FeedDefinition
            {
                Name = name,
                Title = $"{newsroom}: {name[(name.LastIndexOf('/') + 1)..]}",
                Description = $"No article of {newsroom} belongs to this feed any more.",
                Link = feedList,
                Language = FeedDefinitionReader.DefaultLanguage,
                Author = new Person(newsroom),
            },
            []))];
    }

    /// <summary>The names of the derived feeds that an entry of folder feed <paramref name="feed"/> with <paramref name="tags"/> and <paramref name="author"/> goes to.</summary>
    public IEnumerable<string> FeedsOf(string feed, IEnumerable<string> tags, Person author)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(author);
        if (!_choices.TryGetValue(feed, out var chosen))
        {
            yield break;
        }

        if (chosen.All && _all)
        {
            yield return DerivedFeedName.All;
        }

        if (chosen.Authors && _authorSlugs.TryGetValue(DerivedFeedName.Key(author.Name), out var authorSlug))
        {
            yield return DerivedFeedName.Author(authorSlug);
        }

        if (chosen.Tags)
        {
            foreach (var slug in tags.Select(t => _tagSlugs.GetValueOrDefault(DerivedFeedName.Key(t))).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                yield return DerivedFeedName.Tag(slug);
            }
        }
    }

    /// <summary>How the articles spell each of <paramref name="keys"/> most often (ties: the first in ordinal order), joined.</summary>
    private static string Spelled(IEnumerable<string> spellings, IReadOnlyList<string> keys)
    {
        var counted = spellings.GroupBy(s => s, StringComparer.Ordinal).Select(g => (Text: g.Key, Count: g.Count(), Key: DerivedFeedName.Key(g.Key))).ToList();
        return string.Join(" / ", keys.Select(key => counted.Where(c => c.Key == key)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Text, StringComparer.Ordinal).Select(c => c.Text).FirstOrDefault() ?? key));
    }

    /// <summary>The definitions of derived feeds: what their sources share, else the newsroom's.</summary>
    private sealed class Definitions(DerivedFeedOptions options, string newsroom, Uri feedList)
    {
        public DerivedFeed Make(string name, string title, string description, List<(FeedDefinition Feed, Article Article)> members, Person? author)
        {
            var sources = members.Select(m => m.Feed).DistinctBy(f => f.Name).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            var definition = new FeedDefinition
            {
                Name = name,
                Title = title,
                Description = description,
                Link = options.Link ?? Shared(sources.Select(f => f.Link)) ?? Shared(sources.Select(f => new Uri(f.Link.GetLeftPart(UriPartial.Authority) + "/"))) ?? feedList,
                // The language most of its articles are written in; ties go to the first in ordinal order.
                Language = members.GroupBy(m => m.Feed.Language, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? FeedDefinitionReader.DefaultLanguage,
                Author = author ?? Shared(sources.Select(f => f.Author)) ?? new Person(newsroom),
                Icon = Shared(sources.Select(f => f.Icon)),
                Logo = Shared(sources.Select(f => f.Logo)),
                // A source without a ttl of its own counts as one that differs: the newsroom's default, then.
                TimeToLive = SharedValue(sources.Select(f => f.TimeToLive)),
            };
            return new DerivedFeed(definition, [.. sources.Select(f => f.Name)]);
        }

        /// <summary>The value every source has, or <see langword="null"/> when they differ or there is none.</summary>
        private static T? Shared<T>(IEnumerable<T?> values)
            where T : class
        {
            var distinct = values.Distinct().Take(2).ToList();
            return distinct.Count == 1 ? distinct[0] : null;
        }

        /// <summary>The value every source has, or <see langword="null"/> when they differ or there is none.</summary>
        private static T? SharedValue<T>(IEnumerable<T?> values)
            where T : struct
        {
            var distinct = values.Distinct().Take(2).ToList();
            return distinct.Count == 1 ? distinct[0] : null;
        }
    }
}
