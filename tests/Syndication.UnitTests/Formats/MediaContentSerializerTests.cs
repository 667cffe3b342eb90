using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Syndication.Articles;
using Syndication.Formats;

namespace Syndication.Tests.Formats;

/// <summary>
/// <see cref="MediaContentSerializer"/> replaced an <c>XElement</c> copied through a reader; feeds must keep their
/// bytes, so each case is written both ways through the same <see cref="FeedXmlWriter"/> and compared.
/// </summary>
public sealed class MediaContentSerializerTests
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [FeedNamespaces.Atom] = FeedNamespaces.AtomPrefix,
        [FeedNamespaces.Media] = FeedNamespaces.MediaPrefix,
    };

    public static TheoryData<string?, string?, string?> Cases => new()
    {
        { "A scene from the story.", "Agency", "image/jpeg" },
        { null, null, null },
        { "", "", "" },
        { "   ", "\n\t", "image/png" },
        { "Caption & <b>\"quoted\"</b> ends with Z", "Credit & <co>", null },
        { " \r\n lead and trail \r\n ", "🚀 👨‍👩‍👧", null },
        // Longer than one 1,024-character piece: a CR ends one piece, and a surrogate pair straddles another's end.
        { new string('a', 1023) + "\r\n" + new string('b', 1021) + "🚀" + new string('c', 3000), new string('d', 1023) + "🚀", "image/gif" },
        { string.Concat(Enumerable.Repeat("long & <caption> 🚀\r\n", 400)), string.Concat(Enumerable.Repeat("credit & co 👨‍👩‍👧 ", 300)), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteTo_WritesTheBytesOfTheElementCopiedFromAReader(string? caption, string? credit, string? mediaType)
    {
        var image = new LeadImage(new Uri("https://news.example.com/images/1.jpg?a=1&b=2"), caption, credit, mediaType);

        var written = Write(new SyndicationElementExtension(image, MediaContentSerializer.Instance));

        Assert.Equal(Write(CopiedFromReader(image)), written);
    }

    private static SyndicationElementExtension CopiedFromReader(LeadImage image)
    {
        XNamespace media = FeedNamespaces.Media;
        var element = new XElement(media + "content",
            new XAttribute("url", image.Url!.AbsoluteUri),
            image.MediaType is null ? null : new XAttribute("type", image.MediaType),
            new XAttribute("medium", "image"),
            image.Caption is null ? null : new XElement(media + "title", new XAttribute("type", "plain"), image.Caption),
            image.Credit is null ? null : new XElement(media + "credit", image.Credit));
        return new SyndicationElementExtension(element.CreateReader());
    }

    private static string Write(SyndicationElementExtension extension)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace };
        using var stream = new MemoryStream();
        using (var writer = new FeedXmlWriter(XmlWriter.Create(stream, settings), Prefixes, rss: true))
        {
            writer.WriteStartElement("rss");
            writer.WriteStartElement("item");
            extension.WriteTo(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
