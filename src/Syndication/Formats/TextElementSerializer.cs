using System.Runtime.Serialization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Syndication.Formats;

/// <summary>
/// Writes a string as one element with text content, such as <c>content:encoded</c>, straight to the writer: an
/// extension built this way costs no <c>XElement</c>, no reader and no copy of the text.
/// </summary>
/// <remarks>It keeps no state but the element's name: one instance serves every item.</remarks>
internal sealed class TextElementSerializer(string localName, string ns) : XmlObjectSerializer
{
    /// <summary>The extension element with <paramref name="text"/> as its content.</summary>
    public SyndicationElementExtension Element(string text) => new(localName, ns, text, this);

    public override void WriteStartObject(XmlDictionaryWriter writer, object? graph) => writer.WriteStartElement(localName, ns);

    // The extension writes its element's start and end itself and calls this overload with the feed's writer; the
    // base class would wrap that writer in a new XmlDictionaryWriter on every call.
    public override void WriteObjectContent(XmlWriter writer, object? graph) => writer.WriteString((string?)graph);

    public override void WriteObjectContent(XmlDictionaryWriter writer, object? graph) => writer.WriteString((string?)graph);

    public override void WriteEndObject(XmlDictionaryWriter writer) => writer.WriteEndElement();

    public override bool IsStartObject(XmlDictionaryReader reader) => reader.IsStartElement(localName, ns);

    public override object? ReadObject(XmlDictionaryReader reader, bool verifyObjectName) => reader.ReadElementContentAsString();
}
