using System.Runtime.Serialization;
using System.Xml;
using Syndication.Articles;

namespace Syndication.Formats;

/// <summary>
/// Writes a lead picture as a Media RSS <c>media:content</c> element, with its caption as <c>media:title</c>
/// and its credit as <c>media:credit</c>, straight to the writer: no <c>XElement</c>, no reader and no binary copy
/// of the element per item.
/// </summary>
/// <remarks>
/// <para>The caption is not written as <c>media:description</c>: feedparser takes that element for the item's own
/// description and would show the caption as the item's summary. It ignores a <c>media:title</c> below the item's
/// title. The caption is also in the body's <c>figcaption</c>.</para>
/// <para>
/// It makes the calls that copying the element from a reader (<see cref="XmlWriter.WriteNode(XmlReader, bool)"/>)
/// made, in the same order, so the documents keep their bytes: the attributes in the order <c>url</c>, <c>type</c>,
/// <c>medium</c>; full end tags (<c>&lt;media:content …&gt;&lt;/media:content&gt;</c> when there is neither caption
/// nor credit); and text in the pieces described at <see cref="WriteText"/>.</para>
/// </remarks>
internal sealed class MediaContentSerializer : XmlObjectSerializer
{
    /// <summary>The one instance: the serializer keeps no state.</summary>
    public static MediaContentSerializer Instance { get; } = new();

    private MediaContentSerializer()
    {
    }

    // The overloads taking an XmlWriter are overridden too: the base class would wrap the writer in a new
    // XmlDictionaryWriter on every call.
    public override void WriteObject(XmlWriter writer, object? graph)
    {
        WriteStartObject(writer);
        WriteObjectContent(writer, graph);
        writer.WriteFullEndElement();
    }

    public override void WriteObject(XmlDictionaryWriter writer, object? graph) => WriteObject((XmlWriter)writer, graph);

    public override void WriteStartObject(XmlDictionaryWriter writer, object? graph) => WriteStartObject(writer);

    public override void WriteObjectContent(XmlWriter writer, object? graph)
    {
        var image = (LeadImage)graph!;
        writer.WriteAttributeString("url", image.Url!.AbsoluteUri);
        if (image.MediaType is not null)
        {
            writer.WriteAttributeString("type", image.MediaType);
        }

        writer.WriteAttributeString("medium", "image");
        if (image.Caption is not null)
        {
            writer.WriteStartElement("title", FeedNamespaces.Media);
            writer.WriteAttributeString("type", "plain");
            WriteText(writer, image.Caption);
            writer.WriteFullEndElement();
        }

        if (image.Credit is not null)
        {
            writer.WriteStartElement("credit", FeedNamespaces.Media);
            WriteText(writer, image.Credit);
            writer.WriteFullEndElement();
        }
    }

    public override void WriteObjectContent(XmlDictionaryWriter writer, object? graph) => WriteObjectContent((XmlWriter)writer, graph);

    public override void WriteEndObject(XmlDictionaryWriter writer) => writer.WriteFullEndElement();

    public override bool IsStartObject(XmlDictionaryReader reader) => reader.IsStartElement("content", FeedNamespaces.Media);

    public override object? ReadObject(XmlDictionaryReader reader, bool verifyObjectName) =>
        throw new NotSupportedException("Media RSS content is only written.");

    private static void WriteStartObject(XmlWriter writer) => writer.WriteStartElement("content", FeedNamespaces.Media);

    /// <summary>
    /// Writes <paramref name="text"/> in pieces of at most 1,024 characters, one fewer where a piece would end inside a
    /// surrogate pair: the pieces <see cref="XmlWriter.WriteNode(XmlReader, bool)"/> reads a text node in. They matter
    /// because a CR that ends one piece and the LF that starts the next become two line ends.
    /// </summary>
    private static void WriteText(XmlWriter writer, string text)
    {
        const int PieceLength = 1024;
        if (text.Length <= PieceLength)
        {
            if (text.Length > 0)
            {
                writer.WriteString(text);
            }

            return;
        }

        var start = 0;
        while (start < text.Length)
        {
            var count = Math.Min(PieceLength, text.Length - start);
            if (start + count < text.Length && char.IsHighSurrogate(text[start + count - 1]) && char.IsLowSurrogate(text[start + count]))
            {
                count--;
            }

            writer.WriteString(text.Substring(start, count));
            start += count;
        }
    }
}
