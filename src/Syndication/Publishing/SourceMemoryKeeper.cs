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
    // The generation of Terms the store holds; -1 when unknown.
    private int _savedTerms = -1;

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
        var recalled = new ArticleMemory?[feeds.Count];
        await Parallel.ForAsync(0, feeds.Count, cancellationToken, async (i, token) =>
        {
            try
            {
                if (await store.LoadArticlesAsync(feeds[i], ArticleMemory.ReadAsync, token).ConfigureAwait(false) is { } memory
                    && memory.Version == new ArticleMemory().Version && memory.Context == context)
                {
                    recalled[i] = memory;
                }
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryUnreadable(logger, $"{feeds[i]}: {e.Message}");
            }
        }).ConfigureAwait(false);

        for (var i = 0; i < feeds.Count; i++)
        {
            if (recalled[i] is { } memory)
            {
                source.RecallArticles(feeds[i], memory.Articles);
                _savedArticles[feeds[i]] = ArticlesDigest(memory.Articles);
            }
        }

        if (recalled.Any(m => m is not null))
        {
            Log.ArticlesRecalled(logger, recalled.Sum(m => m?.Articles.Count ?? 0), recalled.Count(m => m is not null));
        }

        await terms.ConfigureAwait(false);
    }

    private async Task RecallTermsAsync(string context, CancellationToken cancellationToken)
    {
        try
        {
            var (table, saved) = await store.LoadTermsAsync(TermTable.ReadAsync, cancellationToken).ConfigureAwait(false);
            // Another context means other code or settings, like the articles' memory, which the source memory's event 1061 tells.
            if (table is null || saved != context)
            {
                return;
            }

            Terms = table;
            _savedTerms = table.Generation;
            Log.TermsRecalled(logger, table.Articles);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryUnreadable(logger, $"related-articles terms: {e.Message}");
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
            var digest = ArticlesDigest(articles);
            if (_savedArticles.TryGetValue(feed, out var saved) && saved == digest)
            {
                continue;
            }

            try
            {
                await store.SaveArticlesAsync(feed, new ArticleMemory { Context = context, Articles = articles }.WriteAsync, cancellationToken).ConfigureAwait(false);
                _savedArticles[feed] = digest;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
            {
                Log.SourceMemoryNotSaved(logger, $"{feed}: {e.Message}");
            }
        }
    }

    private async Task KeepTermsAsync(CancellationToken cancellationToken)
    {
        var terms = Terms;
        if (terms.Generation == _savedTerms || terms.Articles == 0)
        {
            return;
        }

        try
        {
            var context = ArticlesContext();
            await store.SaveTermsAsync((stream, token) => terms.WriteAsync(stream, context, token), cancellationToken).ConfigureAwait(false);
            _savedTerms = terms.Generation;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
        {
            Log.SourceMemoryNotSaved(logger, $"related-articles terms: {e.Message}");
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
