using System.Runtime.Serialization;
using System.Xml;

namespace Syndication.Formats;

/// <summary>
/// Writes a string as one element with text content, such as <c>content:encoded</c>, straight to the writer: an
/// extension built this way costs no <c>XElement</c>, no reader and no copy of the text.
/// </summary>
internal sealed class TextElementSerializer(string localName, string ns) : XmlObjectSerializer
{
    public override void WriteStartObject(XmlDictionaryWriter writer, object? graph) => writer.WriteStartElement(localName, ns);

    public override void WriteObjectContent(XmlDictionaryWriter writer, object? graph) => writer.WriteString((string?)graph);

    public override void WriteEndObject(XmlDictionaryWriter writer) => writer.WriteEndElement();

    public override bool IsStartObject(XmlDictionaryReader reader) => reader.IsStartElement(localName, ns);

    public override object? ReadObject(XmlDictionaryReader reader, bool verifyObjectName) => reader.ReadElementContentAsString();
}
