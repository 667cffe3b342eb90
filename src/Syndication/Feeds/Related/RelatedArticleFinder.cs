namespace Syndication.Feeds.Related;

/// <summary>
/// Finds, for every article, the articles most similar to it across all feeds: TF-IDF term vectors compared by
/// cosine similarity, through an inverted index rather than all pairs.
/// </summary>
/// <remarks>
/// <para>Each article becomes a vector of its terms (<see cref="TermTokenizer"/>; title terms count twice),
/// weighted (1 + ln tf) · idf with idf = ln((N + 1) / (df + 1)) + 1, cut to its <see cref="VectorTerms"/> heaviest
/// terms (which keeps memory flat and drops the long tail that says little), and scaled to unit length. The score of
/// two articles is the dot product of their vectors: their cosine similarity.</para>
/// <para>Candidates come from an inverted index over those vectors: an article meets only the articles that share
/// one of its terms. Terms shared by more than <see cref="PostingLimit"/> articles say too little to find
/// candidates with and would make the work quadratic; they still count in the score of the candidates found.
/// The best <see cref="CandidateLimit"/> candidates by partial score are scored exactly.</para>
/// <para>The result is deterministic: term ids follow the order of the input, each article's sums run in one
/// order, and equal scores are broken by key.</para>
/// </remarks>
internal sealed class RelatedArticleFinder(RelatedOptions options)
{
    /// <summary>How many terms each article's vector keeps.</summary>
    public const int VectorTerms = 96;

    /// <summary>How many candidates per article are scored exactly.</summary>
    public const int CandidateLimit = 64;

    /// <summary>The longest posting list used to find candidates (see remarks).</summary>
    /// <remarks>
    /// One in a hundred articles, from 500 to 1,000: a term in more than 1,000 articles (of any archive) tells little, and
    /// a limit that kept growing with the archive would make a run from empty quadratic (at 1,000,000 articles every
    /// article would meet up to 96 lists of 10,000).
    /// </remarks>
    public static int PostingLimit(int documents) => Math.Clamp(documents / 100, 500, 1000);

    /// <summary>The related articles of each document, in the order of <paramref name="documents"/>: best first, at most <see cref="RelatedOptions.Count"/>.</summary>
    public IReadOnlyList<IReadOnlyList<RelatedMatch>> Find(IReadOnlyList<RelatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (options.Count <= 0 || documents.Count < 2)
        {
            return [.. documents.Select(_ => (IReadOnlyList<RelatedMatch>)[])];
        }

        var index = Index(documents);
        var results = new IReadOnlyList<RelatedMatch>[documents.Count];
        Parallel.For(0, documents.Count, a => results[a] = index.Find(a));
        return results;
    }

    /// <summary>Weighs and indexes <paramref name="documents"/>, to find the related articles of any of them with <see cref="RelatedIndex.Find(string)"/>.</summary>
    /// <param name="documents">The documents; each is read once, so a list that makes them as asked holds no text for long.</param>
    public RelatedIndex Index(IReadOnlyList<RelatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var keys = new string[documents.Count];
        var excluded = new IReadOnlyCollection<string>[documents.Count];
        var entries = new TermEntry[documents.Count];
        var table = new TermTable();
        Parallel.For(0, documents.Count, d =>
        {
            var document = documents[d];
            keys[d] = document.Key;
            excluded[d] = document.Excluded;
            entries[d] = table.Count(document, fingerprint: null);
        });
        return new RelatedIndex(keys, d => excluded[d], entries, table.IdCount, options, lazyAsks: 0) { TextsRead = documents.Count };
    }

    /// <summary>
    /// Indexes the given articles, reading the text of those only that <paramref name="table"/> does not hold as they
    /// are now (by key and fingerprint); the table then holds exactly these articles. The index weighs only what the
    /// articles asked of it need (see <see cref="RelatedIndex"/>), and finds what
    /// <see cref="Index(IReadOnlyList{RelatedDocument})"/> finds of the same documents read afresh.
    /// </summary>
    /// <param name="articles">The articles, in the order that breaks ties.</param>
    /// <param name="read">Reads the article at a position of <paramref name="articles"/>; called once for each article the table lacks.</param>
    /// <param name="table">The terms counted by earlier indexes.</param>
    /// <param name="excluded">The keys of articles never to return for the article at a position (those its editor links to); asked only for the articles asked.</param>
    public RelatedIndex Index(IReadOnlyList<RelatedKey> articles, Func<int, RelatedDocument> read, TermTable table, Func<int, IReadOnlyCollection<string>> excluded)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(excluded);
        var keys = new string[articles.Count];
        var entries = new TermEntry[articles.Count];
        var missing = new List<int>();
        for (var d = 0; d < articles.Count; d++)
        {
            var (key, fingerprint) = articles[d];
            keys[d] = key;
            if (table.TryGet(key, fingerprint, out var held))
            {
                entries[d] = held;
            }
            else
            {
                missing.Add(d);
            }
        }

        Parallel.ForEach(missing, d => entries[d] = table.Count(read(d), articles[d].Fingerprint));
        table.Keep(keys, entries);
        return new RelatedIndex(keys, excluded, entries, table.IdCount, options) { TextsRead = missing.Count };
    }
}
