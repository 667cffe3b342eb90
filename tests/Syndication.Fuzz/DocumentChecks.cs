using System.Text.Json;
using System.Xml;
using Syndication.Formats;

namespace Syndication.Fuzz;

/// <summary>Reads a document back with the platform's own parsers, which know nothing of how it was written.</summary>
internal static class DocumentChecks
{
    // What a feed reader would refuse: no DTD, and every character allowed by XML 1.0.
    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };

    public static void WellFormedXml(FeedDocument document)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document.Content.ToArray()), XmlSettings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            throw new MalformedDocumentException(document, e.LineNumber, e);
        }
    }

    public static void WellFormedJson(FeedDocument document)
    {
        try
        {
            using var json = JsonDocument.Parse(document.Content);
        }
        catch (JsonException e)
        {
            throw new MalformedDocumentException(document, (int?)e.LineNumber + 1, e);
        }
    }
}
