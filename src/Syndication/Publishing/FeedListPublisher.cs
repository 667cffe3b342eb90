using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Formats;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Writes the page and the OPML list of all feeds at the container's root, with the page documenting the JSON Feed
/// extension, and records them.
/// </summary>
internal sealed class FeedListPublisher(IDocumentStore documents, PublicationPlanner planner, ILogger logger)
{
    /// <summary>The public URLs of the page and of the OPML list of all feeds published under <paramref name="publicBase"/>.</summary>
    public static IReadOnlyList<Uri> UrlsOf(Uri publicBase)
    {
        var root = publicBase.AbsoluteUri.TrimEnd('/');
        return [new($"{root}/{FeedListWriter.PageFileName}"), new($"{root}/{FeedListWriter.OpmlFileName}")];
    }

    /// <summary>
    /// The public URL of the page documenting the JSON Feed extension published under <paramref name="publicBase"/>: the
    /// extension's <c>about</c> unless one is configured.
    /// </summary>
    public static Uri ExtensionPageUrl(Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        return new($"{publicBase.AbsoluteUri.TrimEnd('/')}/{ExtensionPageWriter.FileName}");
    }

    /// <summary>
    /// Writes both lists of <paramref name="feeds"/>, which depend only on the feeds' definitions, and the extension's
    /// page, which depends on nothing, and records them with <paramref name="inputs"/>, the names of the
    /// <paramref name="derived"/> feeds among them, and the articles the run <paramref name="held"/>.
    /// </summary>
    public async Task PublishAsync(string title, IReadOnlyList<FeedDefinition> feeds, IReadOnlyList<string> derived, Uri publicBase, string? inputs,
        IReadOnlyList<HeldArticle> held, CancellationToken cancellationToken)
    {
        var listed = feeds.Select(f => (f, FeedUrls.For(publicBase, f.Name))).ToList();
        var urls = UrlsOf(publicBase);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in new[] { FeedListWriter.WritePage(title, listed, urls[1]), FeedListWriter.WriteOpml(title, listed), ExtensionPageWriter.Write() })
        {
            var summary = await documents.SynchronizeAsync(document.Name, [document], _ => false, cancellationToken).ConfigureAwait(false);
            stored[document.Name] = summary.Hashes[document.Name];
        }

        await planner.RecordFeedListAsync(stored, inputs, held, derived, cancellationToken).ConfigureAwait(false);
        Log.FeedListPublished(logger, urls[0].AbsoluteUri, urls[1].AbsoluteUri);
    }
}
