using System.Text;
using Syndication.Articles;
using Syndication.Sources;

namespace Syndication.Feeds;

/// <summary>Turns a feed's articles and its remembered state into a <see cref="Feed"/>.</summary>
internal sealed class FeedBuilder(RelatedLinkResolver resolver, HtmlContentSanitizer sanitizer)
{
    /// <summary>
    /// Builds the feed. Every article must already be recorded in <paramref name="state"/>
    /// (see <see cref="FeedStateUpdater.Apply"/>); nothing here reads the clock.
    /// </summary>
    public Feed Build(SourceFeed feed, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(state);
        var definition = feed.Definition;
        var entries = feed.Articles
            .Select(article => BuildEntry(article, definition, state.Articles[article.FileName]))
            .OrderByDescending(entry => entry.Published)
            .ThenBy(entry => entry.Id.OriginalString, StringComparer.Ordinal)
            .ToList();

        return new Feed
        {
            Definition = definition,
            Id = TagUri.Create(definition.Link.IdnHost, state.Created, definition.Name),
            Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : state.Created,
            Entries = entries,
        };
    }

    private FeedEntry BuildEntry(Article article, FeedDefinition feed, ArticleState remembered)
    {
        var link = resolver.LinkOf(article, feed);
        var published = article.Published ?? remembered.FirstSeen;
        var updated = article.Updated ?? remembered.ChangedAt ?? published;
        var related = resolver.ResolveAll(article, feed, remembered.Related);
        return new FeedEntry
        {
            Id = article.Id ?? TagUri.Create(feed.Link.IdnHost, remembered.FirstSeen, feed.Name, Path.GetFileNameWithoutExtension(article.FileName)),
            Link = link,
            Title = article.Title,
            Published = published,
            Updated = updated < published ? published : updated,
            Author = article.Author ?? feed.Author,
            Summary = article.Summary,
            MakeContentHtml = () => Figure(article.Image)
                + (article.Format == ArticleFormat.PlainText ? article.BodyHtml : sanitizer.Sanitize(article.BodyHtml, link))
                + ReadAlsoList.Html(related),
            Tags = article.Tags,
            Image = article.Image,
            Related = related,
            SourceFile = article.SourcePath,
            SourceHash = article.ContentHash,
        };
    }

    /// <summary>The lead picture as HTML: readers that show only the content still show the caption and credit.</summary>
    private static string Figure(LeadImage? image)
    {
        if (image is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<figure>");
        if (image.Url is not null)
        {
            html.Append("<img src=\"").Append(PlainText.HtmlEncode(image.Url.AbsoluteUri))
                .Append("\" alt=\"").Append(PlainText.HtmlEncode(image.Caption ?? string.Empty)).Append("\">");
        }

        if (image.Caption is not null || image.Credit is not null)
        {
            html.Append("<figcaption>");
            if (image.Caption is not null)
            {
                html.Append(PlainText.HtmlEncode(image.Caption));
            }

            if (image.Credit is not null)
            {
                html.Append(image.Caption is null ? string.Empty : " ")
                    .Append("<small>Photo: ").Append(PlainText.HtmlEncode(image.Credit)).Append("</small>");
            }

            html.Append("</figcaption>");
        }

        return html.Append("</figure>\n").ToString();
    }
}
