using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Syndication.Formats;

/// <summary>What the RSS and Atom writers share: the XML settings and the extension elements.</summary>
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
        using var stream = new MemoryStream();
        using (var writer = new FeedXmlWriter(XmlWriter.Create(stream, Settings), prefixes, rss))
        {
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>An element with text content, such as <c>dc:creator</c>.</summary>
    public static SyndicationElementExtension TextElement(string ns, string localName, string text) =>
        new(new XElement(XName.Get(localName, ns), text).CreateReader());
}
