using Syndication.Sources;

namespace Syndication.Worker;

/// <summary>Watches the feeds folder, so the worker can publish soon after an article is saved instead of at the next tick.</summary>
public sealed class FeedsWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _root;
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _version;

    /// <summary>Starts watching <paramref name="path"/> and everything under it.</summary>
    public FeedsWatcher(string path)
    {
        _root = Path.GetFullPath(path);
        _watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => OnChange(e.FullPath);
        _watcher.Created += (_, e) => OnChange(e.FullPath);
        _watcher.Deleted += (_, e) => OnChange(e.FullPath);
        _watcher.Renamed += (_, e) => OnChange(e.FullPath, e.OldFullPath);
        _watcher.Error += (_, _) => Signal(); // an overflowed event buffer: something changed, publish to be sure
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>A number that grows with every change seen.</summary>
    public int Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Completes at the first change after <paramref name="version"/> (at once if there was one already).</summary>
    public Task ChangedAfterAsync(int version)
    {
        lock (_gate)
        {
            if (_version != version)
            {
                return Task.CompletedTask;
            }

            if (_changed.Task.IsCompleted)
            {
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _changed.Task;
        }
    }

    /// <summary>
    /// Waits until no change has happened for <paramref name="quiet"/>, so a burst of saves becomes one run; but no
    /// longer than <paramref name="longest"/>, so a file saved over and over (an editor's autosave) never holds back
    /// publishing.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan quiet, TimeSpan longest, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        int seen;
        do
        {
            seen = Version;
            var left = longest - timeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(quiet < left ? quiet : left, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        while (seen != Version);
    }

    /// <inheritdoc/>
    public void Dispose() => _watcher.Dispose();

    // Only what a run reads counts (drafts, editor swap files and other tools' output do not).
    private bool Matters(string path) => SourceFileRules.MayChangeARead(Path.GetRelativePath(_root, path));

    private void OnChange(string path, string? oldPath = null)
    {
        if (Matters(path) || (oldPath is not null && Matters(oldPath)))
        {
            Signal();
        }
    }

    private void Signal()
    {
        lock (_gate)
        {
            _version++;
            _changed.TrySetResult();
        }
    }
}
