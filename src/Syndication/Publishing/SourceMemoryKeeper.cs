using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Syndication.Feeds.Related;
using Syndication.Sources;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Carries the source's memory of its files (<see cref="SourceMemory"/>) and of each feed's articles
/// (<see cref="ArticleMemory"/>) from one process to the next: the files recalled before the first run of a process,
/// the articles before its first run that reads them (a run with nothing new reads none), each saved after a run that
/// changed it. A process started by cron, or a restarted worker, then reads, hashes and parses only the files that
/// changed.
/// </summary>
/// <remarks>
/// A cache, never a source of truth: a memory that cannot be read or saved costs one full read and is logged as a
/// warning, and never fails a run. A dry run saves nothing.
/// </remarks>
internal sealed class SourceMemoryKeeper(IFeedSource source, ISourceMemoryStore store, SyndicationOptions options, ILogger logger)
{
    private bool _recalled;
    private bool _articlesRecalled;
    // What the store holds, as Digest computes it; null when unknown.
    private string? _saved;
    // Each feed's articles as the store holds them, as ArticlesDigest computes it.
    private readonly Dictionary<string, string> _savedArticles = new(StringComparer.Ordinal);

    /// <summary>
    /// The terms of the articles' texts as earlier runs counted them, for the related articles: recalled with the
    /// articles, and saved when a run changed them, so that a new process reads only new and changed texts.
    /// </summary>
    public TermTable Terms { get; private set; } = new();

    /// <summary>Recalls the memory the last process saved, the first time it is called in this process.</summary>
    public async Task RecallOnceAsync(CancellationToken cancellationToken)
    {
        if (_recalled)
        {
            return;
        }

        _recalled = true;
        try
        {
            if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                return;
            }

            var memory = await SourceMemory.FromBytesAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (memory.Version != new SourceMemory().Version || memory.Context != Context())
            {
                Log.SourceMemoryStale(logger);
                return;
            }

            source.Recall(memory.Files);
            _saved = Digest(memory.Files);
            Log.SourceMemoryRecalled(logger, memory.Files.Count);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryUnreadable(logger, e.Message);
        }
    }

    /// <summary>Recalls the articles of <paramref name="feeds"/> the last process saved, the first time it is called in this process.</summary>
    public async Task RecallArticlesOnceAsync(IReadOnlyList<string> feeds, CancellationToken cancellationToken)
    {
        if (_articlesRecalled)
        {
            return;
        }

        _articlesRecalled = true;
        var context = ArticlesContext();
        var terms = RecallTermsAsync(context, cancellationToken);
        var recalled = new List<Articles.Article>?[feeds.Count];
        await Parallel.ForAsync(0, feeds.Count, cancellationToken, async (i, token) =>
        {
            try
            {
                recalled[i] = await RecallFeedAsync(feeds[i], context, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryUnreadable(logger, $"{feeds[i]}: {e.Message}");
            }
        }).ConfigureAwait(false);

        for (var i = 0; i < feeds.Count; i++)
        {
            if (recalled[i] is { } articles)
            {
                source.RecallArticles(feeds[i], articles);
            }
        }

        if (recalled.Any(m => m is not null))
        {
            Log.ArticlesRecalled(logger, recalled.Sum(m => m?.Count ?? 0), recalled.Count(m => m is not null));
        }

        await terms.ConfigureAwait(false);
    }

    /// <summary>The articles of <paramref name="feed"/> the store holds under <paramref name="context"/>, from its parts when it is saved in parts; null when none.</summary>
    private async Task<List<Articles.Article>?> RecallFeedAsync(string feed, string context, CancellationToken cancellationToken)
    {
        bool Usable(ArticleMemory? memory) => memory is not null && memory.Version == new ArticleMemory().Version && memory.Context == context;
        var memory = await store.LoadArticlesAsync(feed, null, ArticleMemory.ReadAsync, cancellationToken).ConfigureAwait(false);
        if (!Usable(memory))
        {
            return null;
        }

        if (memory!.Parts <= 1)
        {
            lock (_savedArticles)
            {
                _savedArticles[feed] = ArticlesDigest(memory.Articles);
            }

            return [.. memory.Articles];
        }

        var parts = new ArticleMemory?[memory.Parts];
        await Parallel.ForAsync(0, parts.Length, cancellationToken, async (n, token) =>
            parts[n] = await store.LoadArticlesAsync(feed, n, ArticleMemory.ReadAsync, token).ConfigureAwait(false)).ConfigureAwait(false);
        List<Articles.Article> articles = [];
        lock (_savedArticles)
        {
            _savedArticles[feed] = PartsDigest(memory.Parts);
            for (var n = 0; n < parts.Length; n++)
            {
                // A part written for another split (a crash between the parts and the feed's file) is left out: its articles are parsed again.
                if (Usable(parts[n]) && parts[n]!.Parts == memory.Parts && parts[n]!.Part == n)
                {
                    articles.AddRange(parts[n]!.Articles);
                    _savedArticles[PartKey(feed, n)] = ArticlesDigest(parts[n]!.Articles);
                }
            }
        }

        return articles;
    }

    private async Task RecallTermsAsync(string context, CancellationToken cancellationToken)
    {
        var table = new TermTable();
        var parts = new TermTablePart?[TermTable.Parts];
        await Parallel.ForAsync(0, parts.Length, cancellationToken, async (n, token) =>
        {
            try
            {
                parts[n] = await store.LoadTermsAsync(n, (stream, t) => TermTable.ReadAsync(stream, table, t), token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryUnreadable(logger, $"related-articles terms, part {n}: {e.Message}");
            }
        }).ConfigureAwait(false);

        // Another context means other code or settings, like the articles' memory, which the source memory's event 1061 tells.
        var usable = parts.Where((p, n) => p is not null && p.Context == context && p.Part == n).ToList();
        if (usable.Count > 0)
        {
            foreach (var part in usable)
            {
                table.Hold(part!);
            }

            Terms = table;
            Log.TermsRecalled(logger, table.Articles);
        }
    }

    /// <summary>Saves the source's memory, and each feed's articles, where they differ from what the store holds.</summary>
    public async Task KeepAsync(IReadOnlyList<string> feeds, CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            return;
        }

        // Only feeds whose articles were read: a run that read none (nothing new) has none to save.
        if (_articlesRecalled)
        {
            await KeepArticlesAsync(feeds, cancellationToken).ConfigureAwait(false);
            await KeepTermsAsync(cancellationToken).ConfigureAwait(false);
        }

        var files = source.Remembered().OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var digest = Digest(files);
        if (digest == _saved)
        {
            return;
        }

        try
        {
            await store.SaveAsync(await new SourceMemory { Context = Context(), Files = files }.ToBytesAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            _saved = digest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryNotSaved(logger, e.Message);
        }
    }

    private async Task KeepArticlesAsync(IReadOnlyList<string> feeds, CancellationToken cancellationToken)
    {
        var context = ArticlesContext();
        var remembered = source.RememberedArticles();
        foreach (var feed in feeds)
        {
            var articles = (remembered.GetValueOrDefault(feed) ?? []).OrderBy(a => a.FileName, StringComparer.Ordinal).ToList();
            var parts = ArticleMemory.PartsFor(articles.Count);
            try
            {
                if (parts == 1)
                {
                    await SaveIfChangedAsync(feed, null, feed, articles, new ArticleMemory { Context = context, Articles = articles }, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // The parts first, the feed's file that names them last: a reader never takes a part of another split.
                var byPart = articles.GroupBy(a => ArticleMemory.PartOf(a.FileName, parts)).ToDictionary(g => g.Key, g => g.ToList());
                for (var n = 0; n < parts; n++)
                {
                    var part = byPart.GetValueOrDefault(n) ?? [];
                    await SaveIfChangedAsync(feed, n, PartKey(feed, n), part, new ArticleMemory { Context = context, Parts = parts, Part = n, Articles = part }, cancellationToken)
                        .ConfigureAwait(false);
                }

                if (_savedArticles.GetValueOrDefault(feed) != PartsDigest(parts))
                {
                    await store.SaveArticlesAsync(feed, null, new ArticleMemory { Context = context, Parts = parts }.WriteAsync, cancellationToken).ConfigureAwait(false);
                    _savedArticles[feed] = PartsDigest(parts);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryNotSaved(logger, $"{feed}: {e.Message}");
            }
        }
    }

    private async Task SaveIfChangedAsync(string feed, int? part, string key, List<Articles.Article> articles, ArticleMemory memory, CancellationToken cancellationToken)
    {
        var digest = ArticlesDigest(articles);
        if (_savedArticles.GetValueOrDefault(key) == digest)
        {
            return;
        }

        await store.SaveArticlesAsync(feed, part, memory.WriteAsync, cancellationToken).ConfigureAwait(false);
        _savedArticles[key] = digest;
    }

    private static string PartKey(string feed, int part) => string.Create(CultureInfo.InvariantCulture, $"{feed}\0{part}");

    private static string PartsDigest(int parts) => string.Create(CultureInfo.InvariantCulture, $"in {parts} parts");

    private async Task KeepTermsAsync(CancellationToken cancellationToken)
    {
        var terms = Terms;
        var context = ArticlesContext();
        foreach (var part in terms.Unsaved.Order().ToList())
        {
            try
            {
                await store.SaveTermsAsync(part, (stream, token) => terms.WriteAsync(stream, context, part, token), cancellationToken).ConfigureAwait(false);
                terms.Saved(part);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryNotSaved(logger, $"related-articles terms, part {part}: {e.Message}");
            }
        }
    }

    /// <summary>What a remembered article depends on besides its bytes: the code, the parser's settings, and where the files are.</summary>
    private string ArticlesContext() => string.Create(CultureInfo.InvariantCulture,
        $"{Context()}\n{options.Articles.MaxFileBytes} {options.Articles.MaxRelated} {options.Articles.SummaryLength}");

    private static string ArticlesDigest(IEnumerable<Articles.Article> articles) =>
        Digest(articles.Select(a => new RememberedFile(a.FileName, a.SourcePath, a.ContentHash)));

    /// <summary>What a remembered hash depends on besides the file: the code that took it, and where the files are.</summary>
    private string Context() => $"{PublishFingerprint.CodeVersion}\n{source.Location}";

    private static string Digest(IEnumerable<RememberedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Key}\0{file.Stamp}\0{file.Hash}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
