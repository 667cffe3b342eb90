using System.Text;
using Syndication.Formats;

namespace Syndication.Fuzz;

/// <summary>A document the project wrote that its format's parser refuses; the message quotes the offending line.</summary>
internal sealed class MalformedDocumentException(FeedDocument document, int? line, Exception innerException)
    : Exception(Describe(document, line, innerException), innerException)
{
    private const int MaxQuoted = 300;

    private static string Describe(FeedDocument document, int? line, Exception inner)
    {
        var message = $"{document.Name} is not well-formed: {inner.Message}";
        var lines = Encoding.UTF8.GetString(document.Content.Span).Split('\n');
        if (line is int l && l >= 1 && l <= lines.Length)
        {
            var text = lines[l - 1];
            message += $"\n  line {l}: {(text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text)}";
        }

        return message;
    }
}
