using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>Feeds read from a local folder: <c>&lt;folder&gt;/&lt;feed&gt;/feed.json</c> and the articles beside it.</summary>
/// <remarks>
/// A file's stamp is its length and last write time. Those are written by the system clock, so they are compared
/// with it, whatever clock the rest of the worker runs on.
/// </remarks>
internal sealed class FolderFeedSource : FeedSource
{
    private readonly string _path;
    private readonly Func<string, CancellationToken, Task<byte[]>> _read;

    /// <summary>Reads the feeds under <paramref name="path"/>: only regular files inside it, none over the size limit (see <see cref="LocalFile"/>).</summary>
    public FolderFeedSource(string path, ArticleParser parser)
        : base(parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _path = path;
        Location = Path.GetFullPath(path);
        var limit = parser.Options.MaxFileBytes;
        _read = (file, token) => LocalFile.ReadAsync(file, _path, limit, token);
    }

    /// <summary>Reads the feeds under <paramref name="path"/>, reading each file's bytes with <paramref name="readAllBytes"/>.</summary>
    internal FolderFeedSource(string path, ArticleParser parser, Func<string, byte[]> readAllBytes)
        : base(parser)
    {
        _path = path;
        _read = (file, _) => Task.FromResult(readAllBytes(file));
        Location = Path.GetFullPath(path);
    }

    /// <inheritdoc/>
    public override string Location { get; }

    private protected override int Parallelism => Environment.ProcessorCount;

    /// <exception cref="DirectoryNotFoundException">The feeds folder does not exist.</exception>
    private protected override Task<IReadOnlyList<SourceFolder>> ListAsync(string? feed, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_path))
        {
            return feed is null
                ? throw new DirectoryNotFoundException($"The feeds folder '{_path}' does not exist (Syndication:FeedsPath).")
                : Task.FromResult<IReadOnlyList<SourceFolder>>([]);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var folders = feed is null ? new DirectoryInfo(_path).GetDirectories() : [new DirectoryInfo(Path.Combine(_path, feed))];
        return Task.FromResult<IReadOnlyList<SourceFolder>>(
        [
            .. folders
                .Where(folder => SourceFileRules.IsFeedFolder(folder.Name) && folder.Exists)
                .Select(folder => new SourceFolder(folder.Name, FilesIn(folder, now))),
        ]);
    }

    private protected override async Task<(SourceFile File, byte[] Bytes)?> ReadFileAsync(string feed, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_path, feed, name);
        try
        {
            // Stamped before the read: a write after it shows in the next listing as a new stamp.
            var file = FileOf(feed, new FileInfo(path), TimeProvider.System.GetUtcNow().UtcDateTime);
            return (file, await _read(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when ((e is FileNotFoundException or DirectoryNotFoundException) && new FileInfo(path).LinkTarget is null)
        {
            // A link to nowhere is still there, and unreadable; anything else not found was deleted since it was listed.
            return null;
        }
    }

    private protected override string PathOf(string feed, string? fileName) =>
        fileName is null ? Path.Combine(_path, feed) : Path.Combine(_path, feed, fileName);

    private static List<SourceFile> FilesIn(DirectoryInfo folder, DateTime now)
    {
        try
        {
            var files = new List<SourceFile>();
            foreach (var file in folder.EnumerateFiles())
            {
                try
                {
                    files.Add(FileOf(folder.Name, file, now));
                }
                catch (FileNotFoundException)
                {
                    // Renamed or deleted since the folder was listed (an editor's tool saving under a draft name and
                    // renaming): not there, and the listing of the next run shows its new name.
                }
            }

            return files;
        }
        catch (DirectoryNotFoundException)
        {
            return []; // deleted since it was listed
        }
    }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    private static SourceFile FileOf(string feed, FileInfo file, DateTime now)
    {
        var written = file.LastWriteTimeUtc;
        if (!file.Exists)
        {
            throw new FileNotFoundException("The file does not exist.", file.FullName);
        }

        return new SourceFile(feed, file.Name, file.Length, $"{file.Length} {written.Ticks}", Settled: Storage.FileWriteTime.IsSettled(written, now));
    }
}
