using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Related;
using Syndication.Formats;

namespace Syndication.Tests.Properties;

/// <summary>
/// Properties over generated articles with arbitrary Unicode titles, text, tags and links: every document is
/// well-formed and loads with <see cref="SyndicationFeed.Load(XmlReader)"/>, titles, links and dates round-trip,
/// and the bytes do not depend on the order of the files.
/// </summary>
public sealed class GeneratedFeedsProperties
{
    private static readonly string[] Pieces =
    [
        "News", "report", "Ünïcödé", "naïve", "Київ", "Москва", "Αθήνα", "北京", "東京", "서울", "مرحبا", "שלום", "🚀", "👨‍👩‍👧", "🇺🇦",
        "e\u0301", "n\u0303", "&", "<b>", "</i>", "]]>", "\"quoted\"", "it's", "’", "—", "%2e%2e/", "../..", "#1", "50%", "a&amp;b", "x<y", "\\", "{slug}",
    ];

    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "gen");

    private static readonly Gen<string> Words = Gen.Int[1, 10].SelectMany(n => Gen.Int[0, Pieces.Length - 1].Array[n])
        .Select(indexes => string.Join(' ', indexes.Select(i => Pieces[i])));

    private static readonly Gen<GeneratedArticle> Article =
        Gen.Select(Words, Words, Gen.Int[0, 3].SelectMany(n => Words.Array[n]), Gen.Int[0, 1_000_000], Gen.Bool)
            .Select((title, body, tags, minutes, markdown) => new GeneratedArticle("Story " + title, body, tags, minutes, markdown));

    private static readonly Gen<GeneratedArticle[]> Articles = Gen.Int[1, 8].SelectMany(n => Article.Array[n]);

    [Fact]
    public void EveryDocument_IsWellFormedAndRoundTripsTitlesLinksAndDates() =>
        Articles.Sample(articles =>
        {
            using var folder = new GeneratedFolder(articles);
            var content = folder.Build(shuffle: false);
            Assert.Equal(articles.Length, content.Entries.Count);
            Assert.Equal(
                articles.Select(a => PlainText.CollapseWhiteSpace(a.Title)).Order(StringComparer.Ordinal),
                content.Entries.Select(e => e.Title).Order(StringComparer.Ordinal));

            foreach (var document in Render(content))
            {
                var text = Encoding.UTF8.GetString(document.Content.Span);
                if (document.Name.EndsWith(".json", StringComparison.Ordinal))
                {
                    var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
                    Assert.Equal(content.Entries.Select(e => (e.Title, e.Link.AbsoluteUri)), items.Select(i => (i.GetProperty("title").GetString()!, i.GetProperty("url").GetString()!)));
                    continue;
                }

                _ = XDocument.Parse(text);
                using var reader = XmlReader.Create(new StringReader(text));
                var feed = SyndicationFeed.Load(reader);
                var items2 = feed.Items.ToList();
                Assert.Equal(content.Entries.Count, items2.Count);
                for (var i = 0; i < items2.Count; i++)
                {
                    var entry = content.Entries[i];
                    // RSS titles are plain text; an Atom title is HTML only when it says so.
                    var title = items2[i].Title.Type == "html" && !document.Name.EndsWith("rss.xml", StringComparison.Ordinal)
                        ? System.Net.WebUtility.HtmlDecode(items2[i].Title.Text)
                        : items2[i].Title.Text;
                    Assert.Equal(entry.Title, title);
                    Assert.Equal(entry.Published, items2[i].PublishDate);
                    Assert.Equal(entry.Link, items2[i].Links.First(l => l.RelationshipType is null or "alternate").Uri);
                }
            }
        }, iter: 40);

    [Fact]
    public void Documents_AreByteIdenticalInAnyFileOrder() =>
        Articles.Sample(articles =>
        {
            using var first = new GeneratedFolder(articles);
            using var second = new GeneratedFolder([.. articles.Reverse()], reverseNames: true);

            var a = Render(first.Build(shuffle: false));
            var b = Render(second.Build(shuffle: true));

            Assert.Equal(a.Select(d => d.Name), b.Select(d => d.Name));
            Assert.All(a.Zip(b), pair => Assert.True(pair.First.Content.Span.SequenceEqual(pair.Second.Content.Span), pair.First.Name));
        }, iter: 30);

    private static List<FeedDocument> Render(FeedPage content) =>
    [
        Rss20DocumentWriter.Write(content, Urls, TimeSpan.FromMinutes(5)),
        Atom10DocumentWriter.Write(content, Urls),
        JsonFeedDocumentWriter.Write(content, Urls),
    ];

    /// <summary>One generated article; the file name comes from its position, the date from its minutes.</summary>
    public sealed record GeneratedArticle(string Title, string Body, string[] Tags, int Minutes, bool Markdown)
    {
        public string FileName(int index) => $"{index:D3}.{(Markdown ? "md" : "txt")}";

        public string Text()
        {
            var published = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Minutes).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var tags = string.Join(", ", Tags.Select(Yaml));
            var link = "https://news.example.com/a/" + Uri.EscapeDataString(Title) + "/";
            var front = $"---\npublished: {published}\nlink: {Yaml(link)}\ntags: [{tags}]\ntitle: {Yaml(Title)}\n---\n";
            // Markdown would interpret the generated text; the body of a Markdown article is written as a code span-free paragraph of escaped text.
            return front + (Markdown ? EscapeMarkdown(Body) : Body) + "\n";
        }

        private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private static string EscapeMarkdown(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text)
            {
                if ("\\`*_{}[]()#+-.!<>&|~".Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }

    private sealed class GeneratedFolder : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("syndication-gen-").FullName;

        public GeneratedFolder(GeneratedArticle[] articles, bool reverseNames = false)
        {
            var feed = Directory.CreateDirectory(Path.Combine(_root, "gen")).FullName;
            File.WriteAllText(Path.Combine(feed, "feed.json"), """{ "title": "Generated & <odd>", "description": "D ]]>", "link": "https://news.example.com/", "language": "en", "author": { "name": "Desk" } }""");
            for (var i = 0; i < articles.Length; i++)
            {
                // The same files, created in the opposite order when reverseNames is set.
                var index = reverseNames ? articles.Length - 1 - i : i;
                File.WriteAllText(Path.Combine(feed, articles[i].FileName(index)), articles[i].Text());
            }
        }

        public FeedPage Build(bool shuffle)
        {
            var catalog = FolderCatalog.Read(_root);
            var source = catalog.Feeds.Single();
            if (shuffle)
            {
                source = source with { Articles = [.. source.Articles.Reverse()] };
                catalog = catalog with { Feeds = [source] };
            }

            var state = new FeedState();
            FeedStateUpdater.Apply(state, source.Articles, TestClock.Now);
            return new FeedBuilder(new RelatedLinkResolver(catalog, new RelatedOptions()), new HtmlContentSanitizer()).Build(source, state).AsPage();
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
