using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>
/// Feeds read from a blob container (the "inbox" several workers share): <c>&lt;feed&gt;/feed.json</c> defines a
/// feed and its articles are the <c>.txt</c> and <c>.md</c> blobs directly under <c>&lt;feed&gt;/</c>, by the
/// same rules as the local folder. Files are named in messages as <c>&lt;container&gt;/&lt;blob&gt;</c>.
/// </summary>
internal sealed class BlobFeedSource(BlobContainerClient container, ArticleParser parser) : IFeedSource
{
    private const int Downloads = 16;

    /// <inheritdoc/>
    public string Location => PublicUri.WithoutQuery(container.Uri).AbsoluteUri;

    /// <summary>A hash of the names and MD5s (or, without one, ETags) of the blobs <see cref="ReadAsync"/> reads, from one listing.</summary>
    public async Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        var blobs = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        var feeds = blobs.Where(b => b.Name.EndsWith($"/{FeedDefinition.FileName}", StringComparison.Ordinal))
            .Select(b => b.Name[..b.Name.IndexOf('/', StringComparison.Ordinal)])
            .Order(StringComparer.Ordinal)
            .ToList();
        return SourceFingerprint.Of(
            blobs.OrderBy(b => b.Name, StringComparer.Ordinal)
                .Select(b => (b.Name, b.Properties.ContentHash is { Length: > 0 } md5 ? Convert.ToBase64String(md5) : b.Properties.ETag?.ToString())),
            feeds);
    }

    /// <inheritdoc/>
    public async Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken, FeedCatalog? previous = null)
    {
        var blobs = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        var diagnostics = new List<SourceDiagnostic>();
        var feeds = new List<SourceFeed>();
        foreach (var group in blobs.GroupBy(b => b.Name[..b.Name.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!group.Any(b => b.Name == $"{group.Key}/{FeedDefinition.FileName}"))
            {
                diagnostics.Add(new SourceDiagnostic(DiagnosticSeverity.Warning, $"{container.Name}/{group.Key}/", null,
                    $"the folder has no {FeedDefinition.FileName}, so it is not a feed; skipped"));
                continue;
            }

            var earlier = previous?.Feeds.FirstOrDefault(f => f.Definition.Name == group.Key);
            if (await ReadFeedAsync(group.Key, [.. group], diagnostics, earlier, cancellationToken).ConfigureAwait(false) is { } feed)
            {
                feeds.Add(feed);
            }
        }

        return new FeedCatalog(feeds, diagnostics);
    }

    /// <inheritdoc/>
    public async Task<byte[]?> ReadBytesAsync(string feed, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return await DownloadAsync($"{feed}/{fileName}", cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken, SourceFeed? previous = null)
    {
        var blobs = await ListAsync(name + "/", cancellationToken).ConfigureAwait(false);
        return blobs.Any(b => b.Name == $"{name}/{FeedDefinition.FileName}")
            ? await ReadFeedAsync(name, blobs, diagnostics, previous, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<SourceFeed?> ReadFeedAsync(string name, List<BlobItem> blobs, ICollection<SourceDiagnostic> diagnostics, SourceFeed? previous,
        CancellationToken cancellationToken)
    {
        var known = previous?.Articles.Where(a => a.Reusable).ToDictionary(a => a.FileName, StringComparer.Ordinal);
        try
        {
            var definitionPath = $"{container.Name}/{name}/{FeedDefinition.FileName}";
            var definitionBytes = await DownloadAsync($"{name}/{FeedDefinition.FileName}", cancellationToken).ConfigureAwait(false);
            var definition = FeedDefinitionReader.Parse(definitionPath, name, definitionBytes, diagnostics);

            var articleBlobs = blobs
                .Where(b => !FeedFolderReader.IsIgnored(b.Name) && ArticleParser.FormatOf(b.Name) is not null)
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .ToList();
            var results = new (Article? Article, List<SourceDiagnostic> Diagnostics)[articleBlobs.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, articleBlobs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Downloads, CancellationToken = cancellationToken },
                async (i, token) => results[i] = await ReadArticleAsync(articleBlobs[i], known, token).ConfigureAwait(false)).ConfigureAwait(false);

            foreach (var diagnostic in results.SelectMany(r => r.Diagnostics))
            {
                diagnostics.Add(diagnostic);
            }

            return new SourceFeed(definition, [.. results.Select(r => r.Article).OfType<Article>()]);
        }
        catch (Exception e) when (e is not (OperationCanceledException or RequestFailedException))
        {
            // Storage failing is an outage of the whole run; anything else is this feed's definition.
            diagnostics.Add(SourceDiagnostic.Of($"{container.Name}/{name}/{FeedDefinition.FileName}", e));
            return null;
        }
    }

    private async Task<(Article?, List<SourceDiagnostic>)> ReadArticleAsync(BlobItem blob, Dictionary<string, Article>? known, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SourceDiagnostic>();
        var path = $"{container.Name}/{blob.Name}";
        try
        {
            if (blob.Properties.ContentLength > parser.Options.MaxFileBytes)
            {
                throw new ArticleFormatException(path, null,
                    $"the file has {blob.Properties.ContentLength} bytes, more than the limit of {parser.Options.MaxFileBytes} (Syndication:Articles:MaxFileBytes)");
            }

            var bytes = await DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            if (known is not null && known.TryGetValue(blob.Name[(blob.Name.IndexOf('/', StringComparison.Ordinal) + 1)..], out var same)
                && same.ContentHash == ArticleParser.HashOf(bytes))
            {
                return (same, diagnostics);
            }

            var article = parser.Parse(path, bytes, diagnostics);
            // Only an article read without a word to say is reused later: the others must say it again on every read.
            return (diagnostics.Count == 0 ? article with { Reusable = true } : article, diagnostics);
        }
        catch (Exception e) when (e is not (OperationCanceledException or RequestFailedException))
        {
            diagnostics.Add(SourceDiagnostic.Of(path, e));
            return (null, diagnostics);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, diagnostics); // deleted since it was listed: it is simply not there any more
        }
    }

    private async Task<byte[]> DownloadAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();

    /// <summary>The blobs one level under each feed (<c>&lt;feed&gt;/&lt;file&gt;</c>), deeper ones left out as in the folder.</summary>
    private async Task<List<BlobItem>> ListAsync(string? prefix, CancellationToken cancellationToken)
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && blob.Name.IndexOf('/', slash + 1) < 0)
            {
                blobs.Add(blob);
            }
        }

        return blobs;
    }
}
