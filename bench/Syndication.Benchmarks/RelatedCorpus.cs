using Syndication.Feeds.Related;

namespace Syndication.Benchmarks;

/// <summary>Generated articles as the related-article computation takes them.</summary>
internal static class RelatedCorpus
{
    /// <summary><paramref name="count"/> generated articles, each with a title, a plain-text body and its feed-qualified key.</summary>
    public static RelatedDocument[] Generate(int count)
    {
        var generator = new ArticleGenerator();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var article = generator.Next(i);
            return new RelatedDocument($"feed{i % 10}/{article.FileName}", article.Title, article.Body, []);
        })];
    }
}
