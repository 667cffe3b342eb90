using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Feeds.Derived;
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
    /// Writes both lists of <paramref name="feeds"/>, which depend only on the feeds' definitions, a page for each folder
    /// of derived feeds (<c>tags/index.html</c>, <c>authors/index.html</c>), and the extension's page, which depends on
    /// nothing, and records them with <paramref name="inputs"/>, the names of the
    /// <paramref name="derived"/> feeds among them, and the articles the run <paramref name="held"/>. Returns the names
    /// of the documents uploaded (in a dry run, that would be).
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string title, IReadOnlyList<FeedDefinition> feeds, IReadOnlyList<string> derived, Uri publicBase, string? inputs,
        IReadOnlyList<HeldArticle> held, CancellationToken cancellationToken)
    {
        var listed = feeds.Select(f => (f, FeedUrls.For(publicBase, f.Name))).ToList();
        var urls = UrlsOf(publicBase);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        List<FeedDocument> written = [FeedListWriter.WritePage(title, listed, urls[1]), FeedListWriter.WriteOpml(title, listed), ExtensionPageWriter.Write()];
        // The folders of derived feeds get their own page too: a static website serves <folder>/index.html for <folder>/.
        foreach (var folder in listed.Where(f => f.f.Name.Contains('/', StringComparison.Ordinal)).GroupBy(f => f.f.Name[..f.f.Name.IndexOf('/', StringComparison.Ordinal)]))
        {
            var page = FeedListWriter.WritePage($"{title}: {FolderTitle(folder.Key)}", [.. folder], urls[1]);
            written.Add(page with { Name = FeedDocumentSet.NameOf(folder.Key, FeedListWriter.PageFileName) });
        }

        var uploaded = new List<string>();
        foreach (var document in written)
        {
            var summary = await documents.SynchronizeAsync(document.Name, [document], _ => false, cancellationToken).ConfigureAwait(false);
            stored[document.Name] = summary.Hashes[document.Name];
            uploaded.AddRange(summary.UploadNames);
        }

        await planner.RecordFeedListAsync(stored, inputs, held, derived, cancellationToken).ConfigureAwait(false);
        Log.FeedListPublished(logger);
        Log.FeedListUrls(logger, urls[0].AbsoluteUri, urls[1].AbsoluteUri);
        return uploaded;
    }

    private static string FolderTitle(string folder) => folder switch
    {
        DerivedFeedName.TagsFolder => "feeds by tag",
        DerivedFeedName.AuthorsFolder => "feeds by author",
        _ => folder,
    };
}
