using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Syndication.Formats;

/// <summary>What the RSS and Atom writers share: the XML settings, serialisation and the navigation links.</summary>
internal static class FeedXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    /// <summary>Serialises <paramref name="formatter"/>'s feed through a <see cref="FeedXmlWriter"/>.</summary>
    public static byte[] Serialize(SyndicationFeedFormatter formatter, IReadOnlyDictionary<string, string> prefixes, bool rss)
    {
        using var stream = new PooledBufferStream();
        using (var writer = new FeedXmlWriter(XmlWriter.Create(stream, Settings), prefixes, rss))
        {
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Adds the links of <paramref name="navigation"/> (self, and the RFC 5005 links) and marks archives with <c>fh:archive</c>.</summary>
    public static void AddNavigation(SyndicationFeed feed, FeedNavigation navigation, string mediaType, Uri? hub)
    {
        feed.Links.Add(new SyndicationLink(navigation.Self, LinkRelations.Self, null, mediaType, 0));
        if (!navigation.IsArchive)
        {
            // WebSub: subscribers find the hub beside the self link; archives never change, so they announce none.
            AddLink(feed, hub, LinkRelations.Hub, null);
        }

        AddLink(feed, navigation.Current, LinkRelations.Current, mediaType);
        AddLink(feed, navigation.PrevArchive, LinkRelations.PrevArchive, mediaType);
        AddLink(feed, navigation.NextArchive, LinkRelations.NextArchive, mediaType);
        if (navigation.IsArchive)
        {
            feed.ElementExtensions.Add(new SyndicationElementExtension(new XElement(XName.Get("archive", FeedNamespaces.FeedHistory)).CreateReader()));
        }
    }

    /// <summary>The prefixes for a document, with feed history added for archives.</summary>
    public static IReadOnlyDictionary<string, string> WithHistory(IReadOnlyDictionary<string, string> prefixes, FeedNavigation navigation) =>
        navigation.IsArchive
            ? new Dictionary<string, string>(prefixes, StringComparer.Ordinal) { [FeedNamespaces.FeedHistory] = FeedNamespaces.FeedHistoryPrefix }
            : prefixes;

    private static void AddLink(SyndicationFeed feed, Uri? href, string relation, string? mediaType)
    {
        if (href is not null)
        {
            feed.Links.Add(new SyndicationLink(href, relation, null, mediaType, 0));
        }
    }
}
