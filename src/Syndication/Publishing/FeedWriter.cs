using Microsoft.Extensions.Logging;
using Syndication.Feeds;
using Syndication.Formats;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Writes one feed, folder or derived, under its lock: builds it once the lock is held, plans which pages changed,
/// writes them, and records the publication. A failure is the feed's result, and never stops the other feeds.
/// </summary>
internal sealed class FeedWriter(SyndicationOptions options, IDocumentStore documents, IFeedLocks locks, PublicationPlanner planner, ILogger logger)
{
    /// <summary>Publishes feed <paramref name="name"/>, built by <paramref name="build"/> once its lock is held.</summary>
    /// <param name="name">The feed's name, its documents' prefix.</param>
    /// <param name="publicBase">Where the documents are served.</param>
    /// <param name="inputs">
    /// The run's input fingerprint, or <see langword="null"/> when the read found problems to report again next time.
    /// </param>
    /// <param name="waitForLock">Whether to wait for another worker writing the feed, or leave the feed to it.</param>
    /// <param name="build">Builds the feed under the lock; also says whether its own read found nothing to report.</param>
    /// <param name="cancellationToken">Stops the feed between uploads.</param>
    public async Task<FeedPublishResult> PublishAsync(string name, Uri publicBase, string? inputs, bool waitForLock,
        Func<CancellationToken, Task<(Feed Content, bool Clean)>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var urls = UrlsOf(name, publicBase);
        try
        {
            var writeLock = await locks.LockAsync(name, waitForLock ? options.LeaseWait : null, cancellationToken).ConfigureAwait(false);
            if (writeLock is null)
            {
                Log.FeedSkipped(logger, name);
                return new FeedPublishResult(name, 0, urls.All, 0, 0, null, Skipped: true);
            }

            await using (writeLock.ConfigureAwait(false))
            {
                using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, writeLock.Lost);
                var (content, clean) = await build(writing.Token).ConfigureAwait(false);
                return await WriteAsync(content, urls, clean ? inputs : null, writing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e switch
            {
                StorageException failed => failed.Reason,
                OperationCanceledException => "the feed's lease was lost while writing; another worker took the feed over",
                FeedStateException or MassDeletionRefusedException => e.Message,
                _ => $"unexpected {e.GetType().Name}: {e.Message}",
            };
            if (e is MassDeletionRefusedException)
            {
                // A refusal is the guard's decision, repeated every run until someone acts: one line, no stack trace.
                Log.FeedRefused(logger, name, reason);
            }
            else
            {
                Log.FeedFailed(logger, e, name, reason);
            }

            return new FeedPublishResult(name, 0, urls.All, 0, 0, reason);
        }
    }

    /// <summary>The URLs of feed <paramref name="name"/>, with what its subscription documents announce.</summary>
    public FeedUrls UrlsOf(string name, Uri publicBase) =>
        FeedUrls.For(publicBase, name) with
        {
            Hub = options.WebSub.Hub,
            ExtensionAbout = options.JsonFeedExtensionAbout ?? FeedListPublisher.ExtensionPageUrl(publicBase),
        };

    /// <summary>Writes the pages of <paramref name="content"/> that changed, and records the publication.</summary>
    private async Task<FeedPublishResult> WriteAsync(Feed content, FeedUrls urls, string? inputs, CancellationToken cancellationToken)
    {
        var name = content.Name;
        var timeToLive = content.Definition.TimeToLive ?? options.TimeToLive;
        var set = new FeedDocumentSet(urls, FeedPaging.Paginate(content, options.PageSize), options.PageSize, timeToLive);
        var fingerprints = PublishFingerprint.Of(options, urls, timeToLive, set.Pages);
        var plan = await planner.PlanAsync(set, fingerprints, cancellationToken).ConfigureAwait(false);
        var written = plan.NothingToWrite
            ? new UploadSummary(0, 0)
            : await documents.SynchronizeAsync(FeedDocumentSet.PrefixOf(name), set.Render(plan.Changed),
                blob => FeedDocumentSet.IsOwned(name, blob) && !plan.Kept.ContainsKey(blob), cancellationToken).ConfigureAwait(false);
        await planner.RecordAsync(name, plan, written, fingerprints, inputs, content.Entries.Count, content.Definition, cancellationToken).ConfigureAwait(false);
        var (entries, archives, unchanged) = (content.Entries.Count, set.Pages.Count - 1, written.Unchanged + plan.Kept.Count);
        if (written.Uploaded == 0 && written.Deleted == 0)
        {
            Log.FeedUnchanged(logger, name, entries, unchanged);
            return new FeedPublishResult(name, entries, urls.All, 0, unchanged, null, Archives: archives);
        }

        if (options.DryRun)
        {
            Log.FeedWouldPublish(logger, name, written.Uploaded, written.Deleted, string.Join(' ', written.UploadNames.Concat(written.DeleteNames)));
        }
        else
        {
            Log.FeedPublished(logger, name, entries, archives, written.Uploaded, written.BytesUploaded, unchanged, written.Deleted);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.FeedUrls(logger, name, string.Join(' ', urls.All.Select(u => u.AbsoluteUri)));
            }
        }

        return new FeedPublishResult(name, entries, urls.All, written.Uploaded, unchanged, null, written.Deleted, written.BytesUploaded, archives)
        {
            UploadNames = written.UploadNames,
            DeleteNames = written.DeleteNames,
        };
    }
}
