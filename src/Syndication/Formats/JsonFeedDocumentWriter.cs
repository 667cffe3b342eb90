using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Formats;

/// <summary>Writes a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
/// <remarks>
/// What JSON Feed has no field for goes into the <c>_syndication</c> extension object, on the feed and on each
/// item: <c>related</c> (a list of <c>{ "url", "title", "source" }</c>, where <c>source</c> is <c>explicit</c>,
/// <c>title-match</c> or <c>slug</c> for the editor's links, <c>computed</c> for those found by similarity) and <c>image</c> (<c>{ "url", "caption", "credit", "type" }</c>).
/// Each such object starts with <c>about</c>, the page documenting it (<see cref="FeedUrls.ExtensionAbout"/>, which the
/// publisher always gives: by default <see cref="ExtensionPageWriter"/>'s page).
/// </remarks>
internal static class JsonFeedDocumentWriter
{
    /// <summary>The JSON Feed version this writer follows.</summary>
    public const string Version = "https://jsonfeed.org/version/1.1";

    /// <summary>The name of the extension object (JSON Feed extensions start with an underscore).</summary>
    public const string Extension = "_syndication";

    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Served as JSON, never inlined into HTML: letters and typographic quotes stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="content"/> as the JSON Feed served at <paramref name="urls"/>' JSON URL.</summary>
    public static FeedDocument Write(FeedPage content, FeedUrls urls) =>
        Write(content, urls, FeedNavigation.For(urls, FeedFormat.Json, 0, 0));

    /// <summary>
    /// Writes one page of a paged feed. JSON Feed pages towards older items with <c>next_url</c>; an archive page also
    /// carries <c>_syndication</c> with <c>archive: true</c>, <c>current</c> and <c>newer</c>.
    /// </summary>
    public static FeedDocument Write(FeedPage content, FeedUrls urls, FeedNavigation navigation)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(navigation);
        var definition = content.Definition;
        using var stream = new PooledBufferStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", definition.Title);
            json.WriteString("home_page_url", definition.Link.AbsoluteUri);
            json.WriteString("feed_url", navigation.Self.AbsoluteUri);
            WriteOptional(json, "next_url", navigation.PrevArchive?.AbsoluteUri);
            json.WriteString("description", definition.Description);
            json.WriteString("language", definition.Language);
            // Both are square (see FeedImages): the one square image fills both, and readers scale it.
            WriteOptional(json, "icon", definition.Icon?.AbsoluteUri);
            WriteOptional(json, "favicon", definition.Icon?.AbsoluteUri);
            WriteAuthors(json, definition.Author);
            if (urls.Hub is not null && !navigation.IsArchive)
            {
                json.WriteStartArray("hubs");
                json.WriteStartObject();
                json.WriteString("type", "WebSub");
                json.WriteString("url", urls.Hub.AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            if (navigation.IsArchive)
            {
                StartExtension(json, urls);
                json.WriteBoolean("archive", true);
                json.WriteString("current", navigation.Current!.AbsoluteUri);
                WriteOptional(json, "newer", navigation.NextArchive?.AbsoluteUri);
                json.WriteEndObject();
            }

            json.WriteStartArray("items");
            foreach (var entry in content.Entries)
            {
                WriteItem(json, entry, urls);
                // The writer holds what it wrote in a buffer that doubles until flushed: flushed in slices, a large
                // feed never grows it to the size of the document, on the large object heap.
                if (json.BytesPending >= FlushThreshold)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return new FeedDocument(FeedDocumentSet.NameOf(content.Name, navigation.FileName), stream.ToArray(), FeedMediaTypes.WithCharset(FeedMediaTypes.Json));
    }

    /// <summary>A date as RFC 3339, with <c>Z</c> for UTC, as Atom writes it.</summary>
    public static string Rfc3339(DateTimeOffset date) =>
        date.Offset == TimeSpan.Zero
            ? date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry, FeedUrls urls)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id.AbsoluteUri);
        json.WriteString("url", entry.Link.AbsoluteUri);
        json.WriteString("title", entry.Title);
        json.WriteString("content_html", entry.ContentHtml);
        json.WriteString("summary", entry.Summary);
        if (entry.Image?.Url is Uri image)
        {
            json.WriteString("image", image.AbsoluteUri);
        }

        json.WriteString("date_published", Rfc3339(entry.Published));
        json.WriteString("date_modified", Rfc3339(entry.Updated));
        WriteAuthors(json, entry.Author);
        if (entry.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
        }

        if (entry.Related.Count > 0 || entry.Image is not null)
        {
            StartExtension(json, urls);
            if (entry.Related.Count > 0)
            {
                json.WriteStartArray("related");
                foreach (var related in entry.Related)
                {
                    json.WriteStartObject();
                    json.WriteString("url", related.Href.AbsoluteUri);
                    json.WriteString("title", related.Title);
                    json.WriteString("source", SourceName(related.Source));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (entry.Image is { } lead)
            {
                json.WriteStartObject("image");
                WriteOptional(json, "url", lead.Url?.AbsoluteUri);
                WriteOptional(json, "caption", lead.Caption);
                WriteOptional(json, "credit", lead.Credit);
                WriteOptional(json, "type", lead.MediaType);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Opens the extension object; the JSON Feed specification asks an extension to say where it is documented.</summary>
    private static void StartExtension(Utf8JsonWriter json, FeedUrls urls)
    {
        json.WriteStartObject(Extension);
        WriteOptional(json, "about", urls.ExtensionAbout?.AbsoluteUri);
    }

    private static void WriteAuthors(Utf8JsonWriter json, Person author)
    {
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", author.Name);
        WriteOptional(json, "url", author.Uri?.AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string SourceName(RelatedLinkSource source) => source switch
    {
        RelatedLinkSource.Explicit => "explicit",
        RelatedLinkSource.TitleMatch => "title-match",
        RelatedLinkSource.Computed => "computed",
        _ => "slug",
    };
}
