using System.Text;
using System.Xml;

namespace Syndication.Formats;

/// <summary>
/// An <see cref="XmlWriter"/> decorator that puts the formatters' output into the form validators and readers
/// expect, without re-implementing the formats.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Elements and attributes of a known namespace get its canonical prefix (<c>a10</c> becomes <c>atom</c>),
/// and every such namespace is declared once, on the root element; later declarations of it are dropped.</item>
/// <item>In RSS, dates in UTC end in <c>GMT</c>: RFC 822 has no <c>Z</c> zone, which the formatter writes.</item>
/// <item>In plain-text elements, <c>&amp;</c> and <c>&lt;</c> are written as hexadecimal character references, as
/// the RSS Best Practices Profile asks: one level of encoding, which the W3C validator reads as intended text rather
/// than as escaped markup. Elements that carry HTML (RSS <c>item/description</c>, <c>content:encoded</c>, Atom
/// <c>content</c> and any text construct of <c>type="html"</c>) keep the ordinary escapes.</item>
/// </list>
/// </remarks>
internal sealed class FeedXmlWriter : XmlWriter
{
    private static readonly string[] RssDateElements = ["pubDate", "lastBuildDate"];

    private readonly XmlWriter _inner;
    private readonly IReadOnlyDictionary<string, string> _prefixes;
    private readonly bool _rss;
    private readonly Stack<OpenElement> _elements = new();
    private bool _rootStarted;
    private StringBuilder? _declaration;
    private string? _declaredPrefix;
    private string? _attribute;
    private char[] _scratch = new char[64];

    /// <param name="inner">The writer that produces the bytes.</param>
    /// <param name="prefixes">Canonical prefix by namespace; each non-empty one is declared on the root element.</param>
    /// <param name="rss">Whether the document is RSS, whose dates need the rewrite above.</param>
    public FeedXmlWriter(XmlWriter inner, IReadOnlyDictionary<string, string> prefixes, bool rss)
    {
        _inner = inner;
        _prefixes = prefixes;
        _rss = rss;
    }

    public override WriteState WriteState => _inner.WriteState;

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        if (ns is not null && _prefixes.TryGetValue(ns, out var canonical))
        {
            prefix = canonical;
        }

        _inner.WriteStartElement(prefix, localName, ns);
        _elements.Push(new OpenElement(localName, IsHtml(localName, ns, _elements.TryPeek(out var parent) ? parent.Name : null)));
        if (_rootStarted)
        {
            return;
        }

        _rootStarted = true;
        foreach (var (namespaceName, declaredPrefix) in _prefixes.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (declaredPrefix.Length > 0)
            {
                _inner.WriteAttributeString("xmlns", declaredPrefix, FeedNamespaces.Xmlns, namespaceName);
            }
        }
    }

    public override void WriteEndElement()
    {
        _inner.WriteEndElement();
        _elements.Pop();
    }

    public override void WriteFullEndElement()
    {
        _inner.WriteFullEndElement();
        _elements.Pop();
    }

    public override void WriteStartAttribute(string? prefix, string localName, string? ns)
    {
        if (ns == FeedNamespaces.Xmlns || prefix == "xmlns" || (string.IsNullOrEmpty(prefix) && localName == "xmlns"))
        {
            // Held back until the value is known: a declaration of a known namespace is already on the root.
            _declaration = new StringBuilder();
            _declaredPrefix = localName == "xmlns" ? string.Empty : localName;
            return;
        }

        if (ns is not null && _prefixes.TryGetValue(ns, out var canonical) && canonical.Length > 0)
        {
            prefix = canonical;
        }

        _attribute = localName;
        _inner.WriteStartAttribute(prefix, localName, ns);
    }

    public override void WriteEndAttribute()
    {
        if (_declaration is null)
        {
            _attribute = null;
            _inner.WriteEndAttribute();
            return;
        }

        var value = _declaration.ToString();
        var prefix = _declaredPrefix!;
        _declaration = null;
        _declaredPrefix = null;
        if (_prefixes.ContainsKey(value))
        {
            return;
        }

        if (prefix.Length == 0)
        {
            _inner.WriteAttributeString("xmlns", value);
        }
        else
        {
            _inner.WriteAttributeString("xmlns", prefix, FeedNamespaces.Xmlns, value);
        }
    }

    public override void WriteString(string? text)
    {
        if (_declaration is not null)
        {
            _declaration.Append(text);
            return;
        }

        if (_attribute is not null || text is null || !_elements.TryPeek(out var element))
        {
            if (_attribute == "type" && text == "html" && _elements.TryPop(out var typed))
            {
                // An Atom text construct declared as HTML: its text is markup, escaped as usual.
                _elements.Push(typed with { Html = true });
            }

            _inner.WriteString(text);
            return;
        }

        var isDate = _rss && text.EndsWith(" Z", StringComparison.Ordinal) && Array.IndexOf(RssDateElements, element.Name) >= 0;
        if (!isDate && (element.Html || text.AsSpan().IndexOfAny('&', '<') < 0))
        {
            _inner.WriteString(text);
            return;
        }

        // Rewritten in a buffer kept for the next call, not in new strings: every item has a date.
        var length = isDate ? text.Length + 2 : text.Length;
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        text.CopyTo(0, _scratch, 0, text.Length);
        if (isDate)
        {
            "GMT".CopyTo(0, _scratch, text.Length - 1, 3);
        }

        var start = 0;
        for (var i = 0; i < length; i++)
        {
            if (_scratch[i] is '&' or '<')
            {
                WriteRun(start, i - start);
                _inner.WriteCharEntity(_scratch[i]);
                start = i + 1;
            }
        }

        WriteRun(start, length - start);
    }

    // A run may be empty at either end of the text; the inner writer refuses a start index at the buffer's end.
    private void WriteRun(int start, int count)
    {
        if (count > 0)
        {
            _inner.WriteChars(_scratch, start, count);
        }
    }

    /// <summary>Whether an element's text is HTML by the format's definition (Atom text constructs may say so by their type).</summary>
    private bool IsHtml(string localName, string? ns, string? parent) => _rss
        ? (localName == "description" && string.IsNullOrEmpty(ns) && parent == "item") || (localName == "encoded" && ns == FeedNamespaces.Content)
        : localName == "content" && ns == FeedNamespaces.Atom;

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteStartDocument() => _inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => _inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => _inner.WriteEndDocument();

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => _inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteCData(string? text) => _inner.WriteCData(text);

    public override void WriteComment(string? text) => _inner.WriteComment(text);

    public override void WriteProcessingInstruction(string name, string? text) => _inner.WriteProcessingInstruction(name, text);

    public override void WriteEntityRef(string name) => _inner.WriteEntityRef(name);

    public override void WriteCharEntity(char ch) => _inner.WriteCharEntity(ch);

    public override void WriteWhitespace(string? ws) => _inner.WriteWhitespace(ws);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => _inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteRaw(char[] buffer, int index, int count) => _inner.WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => _inner.WriteRaw(data);

    public override void WriteBase64(byte[] buffer, int index, int count) => _inner.WriteBase64(buffer, index, count);

    public override void Flush() => _inner.Flush();

    public override string? LookupPrefix(string ns) =>
        _prefixes.TryGetValue(ns, out var canonical) ? canonical : _inner.LookupPrefix(ns);

    private readonly record struct OpenElement(string Name, bool Html);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
