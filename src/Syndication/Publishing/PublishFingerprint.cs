using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// A hash of everything one page of a feed is written from: the code that writes it, the options, the feed's
/// definition and id, the page's place among the pages, and each of its entries (the article file's hash, its dates,
/// and the links it resolves to, which may name articles of other feeds). Two runs with the same fingerprint for a
/// page write the same bytes for it, so the second has nothing to write.
/// </summary>
/// <remarks>
/// The code counts through the module version ids of this assembly and those it references (a deterministic build
/// changes them exactly when the compiled code changes), so an upgrade writes every page once. Of the options, only
/// those that change what is written or stored count: an allow-list, so tuning retries or timeouts rewrites nothing.
/// </remarks>
internal static class PublishFingerprint
{
    /// <summary>The module version ids of this assembly and those it references: changes exactly when the compiled code does.</summary>
    public static string CodeVersion => Code.Value;

    private static readonly Lazy<string> Code = new(() =>
    {
        var assembly = typeof(PublishFingerprint).Assembly;
        var ids = new StringBuilder(assembly.ManifestModule.ModuleVersionId.ToString()).Append(' ').Append(Environment.Version);
        foreach (var reference in assembly.GetReferencedAssemblies().OrderBy(r => r.FullName, StringComparer.Ordinal))
        {
            ids.Append(' ').Append(reference.FullName).Append('=').Append(Assembly.Load(reference).ManifestModule.ModuleVersionId);
        }

        return ids.ToString();
    });

    /// <summary>
    /// The fingerprint of a whole run's inputs: the code, the options, where the documents are served, and every
    /// source file (<paramref name="sources"/>). When it matches a feed's last publication, and the feed's state and
    /// documents are as then, the run has nothing to read, render or write for that feed.
    /// </summary>
    public static string OfInputs(SyndicationOptions options, Uri publicBase, SourceFingerprint sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(publicBase);
        ArgumentNullException.ThrowIfNull(sources);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Code.Value);
        Add(hash, OptionsText(options));
        Add(hash, publicBase.AbsoluteUri);
        Add(hash, sources.Hash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint of each page of a feed, in the order of <paramref name="pages"/> (see <see cref="FeedPaging.Paginate"/>).</summary>
    /// <param name="options">The publisher's options.</param>
    /// <param name="urls">Where the feed's documents are served.</param>
    /// <param name="timeToLive">The RSS ttl.</param>
    /// <param name="pages">The feed's pages: the subscription page, then the archives.</param>
    public static IReadOnlyList<string> Of(SyndicationOptions options, FeedUrls urls, TimeSpan timeToLive, IReadOnlyList<FeedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(pages);
        var feed = new StringBuilder(Code.Value)
            .Append('\n').Append(OptionsText(options))
            .Append('\n').AppendJoin(' ', urls.All.Select(u => u.AbsoluteUri)).Append(' ').Append(urls.Hub?.AbsoluteUri).Append(' ').Append(urls.ExtensionAbout?.AbsoluteUri)
            .Append('\n').Append(timeToLive.Ticks)
            .Append('\n').Append(pages.Count > 0 ? JsonSerializer.Serialize(pages[0].Definition) : string.Empty)
            .Append('\n').Append(pages.Count > 0 ? pages[0].Id.AbsoluteUri : string.Empty)
            .ToString();
        var fingerprints = new string[pages.Count];
        for (var page = 0; page < pages.Count; page++)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Add(hash, feed);
            var content = pages[page];
            Add(hash, string.Create(CultureInfo.InvariantCulture, $"{page} {content.Entries.Count} {content.Updated.UtcTicks}"));
            foreach (var format in Enum.GetValues<FeedFormat>())
            {
                // The page's links to its neighbours, not the number of pages: a full archive page stays the same as
                // new pages are added after it.
                var navigation = FeedNavigation.ForPage(urls, format, pages, page, options.PageSize);
                Add(hash, $"{navigation.Self} {navigation.Current} {navigation.PrevArchive} {navigation.NextArchive}");
            }

            foreach (var entry in content.Entries)
            {
                Add(hash, entry.SourceHash);
                Add(hash, entry.Id.AbsoluteUri);
                Add(hash, entry.Link.AbsoluteUri);
                Add(hash, string.Create(CultureInfo.InvariantCulture, $"{entry.Published.UtcTicks} {entry.Updated.UtcTicks} {entry.Related.Count}"));
                Add(hash, entry.Author.Name);
                Add(hash, entry.Author.Email ?? string.Empty);
                Add(hash, entry.Author.Uri?.AbsoluteUri ?? string.Empty);
                foreach (var link in entry.Related)
                {
                    Add(hash, link.Href.AbsoluteUri);
                    Add(hash, link.Title);
                }
            }

            fingerprints[page] = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        return fingerprints;
    }

    /// <summary>
    /// The settings that reach a document's bytes or its stored headers, as JSON: an allow-list, so a setting added
    /// later counts only once it is listed here. Retries, timeouts, lease waits, the deletion guard, paths and
    /// credentials are left out: changing them must not rewrite every page. So is <see cref="StorageOptions.Cors"/>: the
    /// CORS rule is a property of the account, sent in response headers, and no document or stored header holds it.
    /// </summary>
    private static string OptionsText(SyndicationOptions options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString(nameof(options.PublicBaseUrl), options.PublicBaseUrl?.OriginalString);
            json.WriteString(nameof(options.Title), options.Title);
            json.WriteNumber(nameof(options.PageSize), options.PageSize);
            json.WriteNumber(nameof(options.TimeToLive), options.TimeToLive.Ticks);
            json.WriteNumber(nameof(options.Related) + nameof(options.Related.Count), options.Related.Count);
            json.WriteNumber(nameof(options.Related) + nameof(options.Related.MinScore), options.Related.MinScore);
            // The parser's limits decide which files are skipped, which links are dropped and how long a summary is.
            json.WriteNumber(nameof(options.Articles) + nameof(options.Articles.MaxFileBytes), options.Articles.MaxFileBytes);
            json.WriteNumber(nameof(options.Articles) + nameof(options.Articles.MaxRelated), options.Articles.MaxRelated);
            json.WriteNumber(nameof(options.Articles) + nameof(options.Articles.SummaryLength), options.Articles.SummaryLength);
            json.WriteString(nameof(options.WebSub) + nameof(options.WebSub.Hub), options.WebSub.Hub?.OriginalString);
            json.WriteString(nameof(options.JsonFeedExtensionAbout), options.JsonFeedExtensionAbout?.OriginalString);
            // Cache-Control is stored with each document: a new value must upload the documents again. The value
            // each kind gets counts, not how it was configured.
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                json.WriteString(nameof(StorageOptions.CacheControl) + kind, options.Storage.CacheControlFor(kind));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Add(IncrementalHash hash, string text)
    {
        // Length first, so that no two different sequences of strings hash alike.
        hash.AppendData(BitConverter.GetBytes(text.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(text));
    }
}
