using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Formats;

namespace Syndication.Publishing;

/// <summary>
/// A hash of everything a feed's documents are made from: the code that makes them, the options, the feed's
/// definition, each article file, the feed's state, and the links its entries resolve to in other feeds. Two runs
/// with the same fingerprint make the same bytes, so the second has nothing to render.
/// </summary>
/// <remarks>
/// The code counts through the module version ids of this assembly and those it references (a deterministic build
/// changes them exactly when the compiled code changes), so an upgrade renders everything once. Storage credentials
/// and local paths are left out: they never reach a document.
/// </remarks>
public static class PublishFingerprint
{
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

    /// <summary>The fingerprint of <paramref name="feed"/> as it would be published with <paramref name="state"/>.</summary>
    /// <param name="options">The publisher's options.</param>
    /// <param name="urls">Where the feed's documents are served.</param>
    /// <param name="timeToLive">The RSS ttl.</param>
    /// <param name="feed">The feed's definition and articles, as this run will publish them.</param>
    /// <param name="state">The feed's state, already brought up to date with <paramref name="feed"/>.</param>
    /// <param name="resolver">Resolves the entries' related links, which may name articles of other feeds.</param>
    public static string Of(SyndicationOptions options, FeedUrls urls, TimeSpan timeToLive, SourceFeed feed, FeedState state, RelatedLinkResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(resolver);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, Code.Value);
        Add(hash, OptionsText(options));
        Add(hash, string.Join(' ', urls.All.Select(u => u.AbsoluteUri)));
        Add(hash, urls.Hub?.AbsoluteUri ?? "-");
        Add(hash, timeToLive.Ticks.ToString(CultureInfo.InvariantCulture));
        Add(hash, JsonSerializer.Serialize(feed.Definition));
        hash.AppendData(state.ToJson());
        foreach (var article in feed.Articles)
        {
            Add(hash, article.FileName);
            Add(hash, article.ContentHash);
            var remembered = state.Articles.TryGetValue(article.FileName, out var known) ? known.Related : null;
            foreach (var link in resolver.ResolveAll(article, feed.Definition, remembered))
            {
                Add(hash, link.Href.AbsoluteUri);
                Add(hash, link.Title);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The options as JSON, without what never reaches a document: storage credentials and local paths.</summary>
    private static string OptionsText(SyndicationOptions options)
    {
        var json = JsonSerializer.SerializeToNode(options)!.AsObject();
        foreach (var local in new[] { nameof(SyndicationOptions.FeedsPath), nameof(SyndicationOptions.OutputPath), nameof(SyndicationOptions.HealthFile) })
        {
            json.Remove(local);
        }

        if (json[nameof(SyndicationOptions.Storage)] is JsonObject storage)
        {
            storage.Remove(nameof(Storage.StorageOptions.ConnectionString));
            storage.Remove(nameof(Storage.StorageOptions.ServiceUri));
        }

        return json.ToJsonString();
    }

    private static void Add(IncrementalHash hash, string text)
    {
        // Length first, so that no two different sequences of strings hash alike.
        hash.AppendData(BitConverter.GetBytes(text.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(text));
    }
}
