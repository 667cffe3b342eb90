using System.Collections.Concurrent;
using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>
/// What every source does the same way, over its own listing and reading of files: which files count
/// (<see cref="SourceFileRules"/>), parallel reads whose results and diagnostics come in file order, and reading
/// each file as few times as possible.
/// </summary>
/// <remarks>
/// <para>
/// The source remembers each file's stamp, hash and (when it had nothing to say) what it was read as. A file whose
/// listing shows the remembered stamp is not read again; one whose stamp changed but whose bytes hash the same is
/// not parsed again. A stamp taken just after a write may not show the next write (file times have a granularity),
/// so such a stamp is trusted within its run only, and the next run reads the file once more.
/// </para>
/// <para>
/// A run starts with <see cref="FingerprintAsync"/> (or with <see cref="ReadAsync"/> alone). The bytes it reads
/// are kept until the next run, up to <see cref="KeptBytesBudget"/>, for its later reads and for
/// <see cref="ReadBytesAsync"/>.
/// </para>
/// </remarks>
internal abstract class FeedSource : IFeedSource
{
    /// <summary>The most bytes a run keeps of the files it read.</summary>
    public const long KeptBytesBudget = 64L * 1024 * 1024;

    private readonly ArticleParser _parser;
    private readonly ConcurrentDictionary<string, FileMemory> _memory = new(StringComparer.Ordinal);
    private readonly KeptBytes _kept = new(KeptBytesBudget);
    private int _run;
    private bool _fingerprinted;

    private protected FeedSource(ArticleParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    /// <inheritdoc/>
    public abstract string Location { get; }

    /// <summary>How many files are read at once.</summary>
    private protected abstract int Parallelism { get; }

    /// <summary>The folders directly under the source (only <paramref name="feed"/>'s, when given) with the files directly in them.</summary>
    private protected abstract Task<IReadOnlyList<SourceFolder>> ListAsync(string? feed, CancellationToken cancellationToken);

    /// <summary>The bytes of a file and the file as they were read, or <see langword="null"/> when it is gone.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    private protected abstract Task<(SourceFile File, byte[] Bytes)?> ReadFileAsync(string feed, string name, CancellationToken cancellationToken);

    /// <summary>How a file (or, with no <paramref name="fileName"/>, a feed's folder) is named in diagnostics and articles.</summary>
    private protected abstract string PathOf(string feed, string? fileName);

    /// <summary>Whether a failure is the source's as a whole (storage down), which fails the run rather than one file.</summary>
    private protected virtual bool IsOutage(Exception exception) => false;

    /// <inheritdoc/>
    public async Task<SourceFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        StartRun();
        _fingerprinted = true;
        var folders = FeedFolder.Of(await ListAsync(null, cancellationToken).ConfigureAwait(false));
        var files = new List<(string Name, SourceFile? File)>();
        foreach (var folder in folders)
        {
            files.Add(($"{folder.Name}/{FeedDefinition.FileName}", folder.Definition));
            files.AddRange(folder.Articles.Select(article => (article.Key, (SourceFile?)article)));
        }

        var versions = new string[files.Count];
        await ForEachAsync(files.Count, async (i, token) => versions[i] = await VersionOfAsync(files[i].File, token).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        ForgetAllBut(folders);
        return SourceFingerprint.Of(files.Select((file, i) => (file.Name, (string?)versions[i])),
            [.. folders.Where(folder => folder.Definition is not null).Select(folder => folder.Name)]);
    }

    /// <inheritdoc/>
    public async Task<FeedCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_fingerprinted)
        {
            StartRun();
        }

        _fingerprinted = false;
        var folders = FeedFolder.Of(await ListAsync(null, cancellationToken).ConfigureAwait(false));
        var diagnostics = new List<SourceDiagnostic>();
        var (feeds, undefined) = await ReadFeedsAsync(folders, diagnostics, cancellationToken).ConfigureAwait(false);
        ForgetAllBut(folders);
        return new FeedCatalog(feeds, diagnostics) { Undefined = undefined };
    }

    /// <inheritdoc/>
    public async Task<SourceFeed?> ReadFeedAsync(string name, ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var folders = FeedFolder.Of(await ListAsync(name, cancellationToken).ConfigureAwait(false))
            .Where(folder => folder.Name == name && folder.Definition is not null)
            .ToList();
        return (await ReadFeedsAsync(folders, diagnostics, cancellationToken).ConfigureAwait(false)).Feeds.SingleOrDefault();
    }

    /// <inheritdoc/>
    public async Task<ReadOnlyMemory<byte>?> ReadBytesAsync(string feed, string fileName, string contentHash, CancellationToken cancellationToken)
    {
        if (_kept.Take($"{feed}/{fileName}", contentHash) is { } kept)
        {
            return kept;
        }

        try
        {
            if (await ReadFileAsync(feed, fileName, cancellationToken).ConfigureAwait(false) is var (_, bytes) && ArticleParser.HashOf(bytes) == contentHash)
            {
                return bytes;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: the copy is left to a later run.
        }

        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<RememberedFile> Remembered() =>
    [
        // An unsettled stamp may not show the next write, so a later process must read the file again.
        .. _memory.Where(pair => pair.Value.Settled).Select(pair => new RememberedFile(pair.Key, pair.Value.Stamp, pair.Value.Hash)),
    ];

    /// <inheritdoc/>
    public void Recall(IEnumerable<RememberedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            // Run 0 is before this process's first run; the stamp is settled, or it would not have been remembered.
            _memory.TryAdd(file.Key, new FileMemory(file.Stamp, Settled: true, Run: 0, file.Hash, Parsed: null));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, List<Article>> RememberedArticles()
    {
        var byFeed = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        foreach (var (key, remembered) in _memory)
        {
            if (remembered is { Settled: true, Parsed: Article article } && key.EndsWith("/" + article.FileName, StringComparison.Ordinal))
            {
                var feed = key[..^(article.FileName.Length + 1)];
                if (!byFeed.TryGetValue(feed, out var articles))
                {
                    byFeed[feed] = articles = [];
                }

                articles.Add(article);
            }
        }

        return byFeed;
    }

    /// <inheritdoc/>
    public void RecallArticles(string feed, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        foreach (var article in articles)
        {
            var key = $"{feed}/{article.FileName}";
            if (_memory.TryGetValue(key, out var remembered) && remembered is { Parsed: null } && remembered.Hash == article.ContentHash)
            {
                _memory.TryUpdate(key, remembered with { Parsed = article }, remembered);
            }
        }
    }

    private void StartRun()
    {
        _run++;
        _kept.Clear();
    }

    /// <summary>
    /// Reads the feeds of <paramref name="folders"/>: each definition, then the articles of each folder that has one
    /// (readable or not), every file in parallel; feeds, articles and diagnostics come in order. The folders whose
    /// definition could not be read come apart, with their articles.
    /// </summary>
    private async Task<(List<SourceFeed> Feeds, List<UndefinedFeed> Undefined)> ReadFeedsAsync(IReadOnlyList<FeedFolder> folders,
        ICollection<SourceDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var definitions = new (FeedDefinition? Definition, List<SourceDiagnostic> Found)[folders.Count];
        var reserved = folders.Select(folder => SourceFileRules.IsReservedFeedName(folder.Name)).ToArray();
        await ForEachAsync(folders.Count, async (i, token) => definitions[i] = folders[i].Definition is { } file
            ? reserved[i]
                ? (null, [SourceFileRules.ReservedFeedName(PathOf(folders[i].Name, null))])
                : await ReadDefinitionAsync(file, token).ConfigureAwait(false)
            : (null, []), cancellationToken).ConfigureAwait(false);

        // A broken feed.json does not make its articles unread: the feed may be published from its last good definition.
        bool HasArticles(int i) => folders[i].Definition is not null && !reserved[i] && FeedDefinitionReader.IsValidName(folders[i].Name);
        var articles = folders.SelectMany((folder, i) => HasArticles(i) ? folder.Articles : []).ToList();
        var results = new (Article? Article, List<SourceDiagnostic> Found)[articles.Count];
        await ForEachAsync(articles.Count, async (i, token) => results[i] = await ReadArticleAsync(articles[i], token).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

        var feeds = new List<SourceFeed>();
        var undefined = new List<UndefinedFeed>();
        var next = 0;
        for (var i = 0; i < folders.Count; i++)
        {
            if (folders[i].Definition is null)
            {
                diagnostics.Add(SourceFileRules.NotAFeed(PathOf(folders[i].Name, null)));
                continue;
            }

            AddAll(diagnostics, definitions[i].Found);
            if (!HasArticles(i))
            {
                continue;
            }

            var name = folders[i].Name;
            var feedArticles = new List<Article>(folders[i].Articles.Count);
            var identities = new Dictionary<string, Article>(StringComparer.Ordinal);
            foreach (var (article, found) in results.AsSpan(next, folders[i].Articles.Count))
            {
                AddAll(diagnostics, found);
                // A draft (draft: true) is left out here, the one place every read goes through, like a draft file name.
                if (article is not { Draft: false })
                {
                    continue;
                }

                var identity = IdentityOf(article);
                if (!identities.TryAdd(identity, article))
                {
                    diagnostics.Add(SameIdentity(name, identities[identity], article));
                    continue;
                }

                feedArticles.Add(article);
            }

            next += folders[i].Articles.Count;
            if (definitions[i].Definition is { } definition)
            {
                feeds.Add(new SourceFeed(definition, feedArticles));
            }
            else
            {
                undefined.Add(new UndefinedFeed(name, PathOf(name, FeedDefinition.FileName), feedArticles));
            }
        }

        return (feeds, undefined);
    }

    /// <summary>
    /// What makes an article's entry id: the id its front matter gives, else its file name without the extension (the
    /// entry id is made of it, see <c>FeedBuilder</c>), so <c>story.txt</c> and <c>story.md</c> would share one.
    /// </summary>
    private static string IdentityOf(Article article) =>
        article.Id is { } id ? $"id {id.AbsoluteUri}" : $"file {Path.GetFileNameWithoutExtension(article.FileName)}";

    /// <summary>
    /// The error for <paramref name="later"/>, left out because it would share its entry id with <paramref name="first"/>
    /// (the first in file order keeps it). Said of the feed, not of the article file: a kept copy of the article
    /// published before must not come back in its place, with the same id.
    /// </summary>
    private SourceDiagnostic SameIdentity(string feed, Article first, Article later) =>
        new(DiagnosticSeverity.Error, PathOf(feed, later.FileName), null,
            (later.Id is { } id ? $"its id '{id.AbsoluteUri}' is also that of {first.FileName}" : $"it has the same name as {first.FileName} but for the extension, so its entry id would be the same")
            + $"; two entries with one id are one entry to readers, so it is skipped and {first.FileName}, first in file order, keeps the id. Rename one, or give one its own id")
        {
            Feed = feed,
        };

    /// <summary>A feed's definition, or <see langword="null"/> when it is gone or cannot be read (with the reason in the diagnostics).</summary>
    private async Task<(FeedDefinition?, List<SourceDiagnostic>)> ReadDefinitionAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var path = PathOf(file.Feed, file.Name);
        var found = new List<SourceDiagnostic>();
        try
        {
            return (await ReadAsync(file, path, (bytes, diagnostics) => FeedDefinitionReader.Parse(path, file.Feed, bytes, diagnostics), found, cancellationToken)
                .ConfigureAwait(false), found);
        }
        catch (SourceFileRefusedException e)
        {
            found.Add(new SourceFormatException(path, null, $"the feed definition is not read: {e.Reason}", e).ToDiagnostic());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(new SourceFormatException(path, null, $"the feed definition cannot be read: {e.Message}", e).ToDiagnostic());
        }
        catch (Exception e) when (e is not OperationCanceledException && !IsOutage(e))
        {
            found.Add(SourceDiagnostic.Of(path, e));
        }

        return (null, found);
    }

    /// <summary>An article, or <see langword="null"/> when it is gone or cannot be read (with the reason in the diagnostics).</summary>
    private async Task<(Article?, List<SourceDiagnostic>)> ReadArticleAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var path = PathOf(file.Feed, file.Name);
        var found = new List<SourceDiagnostic>();
        Article? article = null;
        try
        {
            SourceFileRules.CheckSize(path, file.Length, _parser.Options);
            article = await ReadAsync(file, path, (bytes, diagnostics) =>
            {
                SourceFileRules.CheckSize(path, bytes.Length, _parser.Options);
                return _parser.Parse(path, bytes, diagnostics);
            }, found, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceFileRefusedException e)
        {
            found.Add(new SourceFormatException(path, null, $"the file is not read: {e.Reason}", e).ToDiagnostic());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(new SourceFormatException(path, null, $"the file cannot be read: {e.Message}", e).ToDiagnostic());
        }
        catch (Exception e) when (e is not OperationCanceledException && !IsOutage(e))
        {
            found.Add(SourceDiagnostic.Of(path, e));
        }

        // Said of the article file, so that a reader of the diagnostic need not take its path apart.
        return (article, [.. found.Select(diagnostic => diagnostic with { Feed = file.Feed, ArticleFile = file.Name })]);
    }

    /// <summary>
    /// What <paramref name="file"/> reads as: remembered when it did not change, otherwise parsed from its bytes (kept
    /// by this run, or read now); <see langword="null"/> when it is gone.
    /// </summary>
    private async Task<T?> ReadAsync<T>(SourceFile file, string path, Func<byte[], List<SourceDiagnostic>, T> parse, List<SourceDiagnostic> found,
        CancellationToken cancellationToken)
        where T : class
    {
        _memory.TryGetValue(file.Key, out var remembered);
        if (remembered is { Parsed: T same } && remembered.Describes(file, _run))
        {
            return same;
        }

        if (await BytesOfAsync(file, cancellationToken).ConfigureAwait(false) is not var (read, bytes))
        {
            return null;
        }

        var hash = ArticleParser.HashOf(bytes);
        // The same bytes under a new stamp (a file touched, or copied again) are not parsed again.
        var value = remembered is { Parsed: T known } && remembered.Hash == hash ? known : parse(bytes, found);
        Remember(read, hash, SourceFileRules.IsReusable(found) ? value : null);
        _kept.Keep(read, hash, bytes);
        return value;
    }

    /// <summary>The version of a file in the fingerprint: the listing's, else the SHA-256 of its bytes (read only when it changed).</summary>
    private async Task<string> VersionOfAsync(SourceFile? file, CancellationToken cancellationToken)
    {
        const string Unreadable = "unreadable";
        if (file is null)
        {
            return Unreadable;
        }

        if (file.Version is { } version)
        {
            return version;
        }

        if (_memory.TryGetValue(file.Key, out var remembered) && remembered.Describes(file, _run))
        {
            return remembered.Hash;
        }

        if (SourceFileRules.IsArticle(file.Name) && !SourceFileRules.FitsSizeLimit(file.Length, _parser.Options))
        {
            return $"{file.Length} bytes"; // never read, so never hashed: its length is what tells the error apart
        }

        try
        {
            if (await BytesOfAsync(file, cancellationToken).ConfigureAwait(false) is not var (read, bytes))
            {
                return Unreadable;
            }

            var hash = ArticleParser.HashOf(bytes);
            Remember(read, hash, remembered?.Hash == hash ? remembered.Parsed : null);
            _kept.Keep(read, hash, bytes);
            return hash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }

    private async Task<(SourceFile, byte[])?> BytesOfAsync(SourceFile file, CancellationToken cancellationToken) =>
        _kept.Of(file) is { } kept ? (file, kept) : await ReadFileAsync(file.Feed, file.Name, cancellationToken).ConfigureAwait(false);

    private void Remember(SourceFile file, string hash, object? parsed) =>
        _memory[file.Key] = new FileMemory(file.Stamp, file.Settled, _run, hash, parsed);

    /// <summary>Forgets the files a full listing no longer shows.</summary>
    private void ForgetAllBut(IEnumerable<FeedFolder> folders)
    {
        var listed = folders
            .SelectMany(folder => folder.Articles.Append(folder.Definition).OfType<SourceFile>())
            .Select(file => file.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var key in _memory.Keys.Where(key => !listed.Contains(key)))
        {
            _memory.TryRemove(key, out _);
        }
    }

    private Task ForEachAsync(int count, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);

    private static void AddAll(ICollection<SourceDiagnostic> diagnostics, List<SourceDiagnostic> found)
    {
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }
    }
}
