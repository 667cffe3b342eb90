using System.Globalization;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Benchmarks;

/// <summary>
/// Rendering one feed of 10,000 entries (already parsed, sanitised and linked) to bytes: our writers against a
/// hand-written <see cref="XmlWriter"/> baseline that writes equivalent RSS and Atom, the practical lower bound.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RenderBenchmarks
{
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "news");
    private FeedPage _content = null!;

    /// <summary>Generates 10,000 articles into a folder and builds them as the publisher does, once.</summary>
    [GlobalSetup]
    public void Setup() => _content = RenderComparison.Build(10_000);

    /// <summary>The lower bound: RSS and Atom written directly with <see cref="XmlWriter"/> into a <see cref="MemoryStream"/>.</summary>
    [Benchmark(Baseline = true)]
    public long RssAndAtomByHand() =>
        HandWritten.Rss(_content, new MemoryStream()).Length + HandWritten.Atom(_content, new MemoryStream()).Length;

    /// <summary>
    /// The same, into the pooled buffer the project's writers use: the lower bound with the same buffer, so that what
    /// remains between it and <see cref="RssAndAtom"/> is the formatters' own cost.
    /// </summary>
    [Benchmark]
    public long RssAndAtomByHandPooled() =>
        HandWritten.Rss(_content, new PooledBufferStream()).Length + HandWritten.Atom(_content, new PooledBufferStream()).Length;

    /// <summary>RSS and Atom through System.ServiceModel.Syndication and the project's decorator.</summary>
    [Benchmark]
    public long RssAndAtom() => Rss() + Atom();

    /// <summary>RSS alone.</summary>
    [Benchmark]
    public long Rss() => Rss20DocumentWriter.Write(_content, Urls, TimeSpan.FromMinutes(5)).Content.Length;

    /// <summary>Atom alone.</summary>
    [Benchmark]
    public long Atom() => Atom10DocumentWriter.Write(_content, Urls).Content.Length;

    /// <summary>JSON Feed alone.</summary>
    [Benchmark]
    public long Json() => JsonFeedDocumentWriter.Write(_content, Urls).Content.Length;

    /// <summary>All three formats.</summary>
    [Benchmark]
    public long AllThree() => Rss() + Atom() + Json();

    /// <summary>Equivalent documents, element for element, with nothing between the entries and the writer.</summary>
    private static class HandWritten
    {
        private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

        public static byte[] Rss(FeedPage content, Stream stream)
        {
            using var owned = stream;
            using (var xml = XmlWriter.Create(stream, Settings))
            {
                xml.WriteStartElement("rss");
                xml.WriteAttributeString("xmlns", "atom", null, FeedNamespaces.Atom);
                xml.WriteAttributeString("xmlns", "content", null, FeedNamespaces.Content);
                xml.WriteAttributeString("xmlns", "dc", null, FeedNamespaces.DublinCore);
                xml.WriteAttributeString("version", "2.0");
                xml.WriteStartElement("channel");
                xml.WriteElementString("title", content.Definition.Title);
                xml.WriteElementString("link", content.Definition.Link.AbsoluteUri);
                xml.WriteElementString("description", content.Definition.Description);
                xml.WriteElementString("language", content.Definition.Language);
                xml.WriteElementString("lastBuildDate", Rfc822(content.Updated));
                xml.WriteElementString("generator", FeedGenerator.Text);
                AtomLink(xml, "atom", "self", Urls.Rss.AbsoluteUri, null);
                foreach (var entry in content.Entries)
                {
                    xml.WriteStartElement("item");
                    xml.WriteStartElement("guid");
                    xml.WriteAttributeString("isPermaLink", "false");
                    xml.WriteString(entry.Id.AbsoluteUri);
                    xml.WriteEndElement();
                    xml.WriteElementString("link", entry.Link.AbsoluteUri);
                    xml.WriteElementString("title", PlainText.HtmlEncode(entry.Title, quotes: false));
                    xml.WriteElementString("description", PlainText.HtmlEncode(entry.Summary, quotes: false));
                    xml.WriteElementString("pubDate", Rfc822(entry.Published));
                    foreach (var related in entry.Related)
                    {
                        AtomLink(xml, "atom", "related", related.Href.AbsoluteUri, related.Title);
                    }

                    foreach (var tag in entry.Tags)
                    {
                        xml.WriteElementString("category", tag);
                    }

                    xml.WriteElementString("dc", "creator", FeedNamespaces.DublinCore, entry.Author.Name);
                    xml.WriteElementString("content", "encoded", FeedNamespaces.Content, entry.ContentHtml);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            return stream is PooledBufferStream pooled ? pooled.ToArray() : ((MemoryStream)stream).ToArray();
        }

        public static byte[] Atom(FeedPage content, Stream stream)
        {
            using var owned = stream;
            using (var xml = XmlWriter.Create(stream, Settings))
            {
                xml.WriteStartElement("feed", FeedNamespaces.Atom);
                xml.WriteAttributeString("xml", "lang", null, content.Definition.Language);
                xml.WriteElementString("title", FeedNamespaces.Atom, content.Definition.Title);
                xml.WriteElementString("subtitle", FeedNamespaces.Atom, content.Definition.Description);
                xml.WriteElementString("id", FeedNamespaces.Atom, content.Id.AbsoluteUri);
                xml.WriteElementString("updated", FeedNamespaces.Atom, JsonFeedDocumentWriter.Rfc3339(content.Updated));
                xml.WriteStartElement("author", FeedNamespaces.Atom);
                xml.WriteElementString("name", FeedNamespaces.Atom, content.Definition.Author.Name);
                xml.WriteEndElement();
                AtomLink(xml, null, "self", Urls.Atom.AbsoluteUri, null);
                foreach (var entry in content.Entries)
                {
                    xml.WriteStartElement("entry", FeedNamespaces.Atom);
                    xml.WriteElementString("id", FeedNamespaces.Atom, entry.Id.AbsoluteUri);
                    xml.WriteElementString("title", FeedNamespaces.Atom, entry.Title);
                    xml.WriteElementString("summary", FeedNamespaces.Atom, entry.Summary);
                    xml.WriteElementString("published", FeedNamespaces.Atom, JsonFeedDocumentWriter.Rfc3339(entry.Published));
                    xml.WriteElementString("updated", FeedNamespaces.Atom, JsonFeedDocumentWriter.Rfc3339(entry.Updated));
                    xml.WriteStartElement("author", FeedNamespaces.Atom);
                    xml.WriteElementString("name", FeedNamespaces.Atom, entry.Author.Name);
                    xml.WriteEndElement();
                    AtomLink(xml, null, "alternate", entry.Link.AbsoluteUri, null);
                    foreach (var related in entry.Related)
                    {
                        AtomLink(xml, null, "related", related.Href.AbsoluteUri, related.Title);
                    }

                    foreach (var tag in entry.Tags)
                    {
                        xml.WriteStartElement("category", FeedNamespaces.Atom);
                        xml.WriteAttributeString("term", tag);
                        xml.WriteEndElement();
                    }

                    xml.WriteStartElement("content", FeedNamespaces.Atom);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(entry.ContentHtml);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            return stream is PooledBufferStream pooled ? pooled.ToArray() : ((MemoryStream)stream).ToArray();
        }

        private static void AtomLink(XmlWriter xml, string? prefix, string relation, string href, string? title)
        {
            xml.WriteStartElement(prefix, "link", FeedNamespaces.Atom);
            xml.WriteAttributeString("rel", relation);
            if (title is not null)
            {
                xml.WriteAttributeString("title", title);
            }

            xml.WriteAttributeString("href", href);
            xml.WriteEndElement();
        }

        private static string Rfc822(DateTimeOffset date) =>
            date.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
    }
}
