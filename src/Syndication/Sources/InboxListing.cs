using System.Buffers;

namespace Syndication.Sources;

/// <summary>
/// The feed files of the inbox container as a running worker last knew them, kept from one run to the next so that a
/// run need not list the container: a full listing replaces it, and each blob an event names is set from a look at
/// that blob alone.
/// </summary>
/// <remarks>
/// Only the names a read can use are kept (<see cref="Matters"/>): <c>feed.json</c> and the articles directly in a
/// feed's folder. A folder holding none of them (pictures only, say) is therefore not listed at all, where a listing
/// of the whole container would warn that it is no feed; events about other names are ignored, so what is kept is
/// the same whether it came from a listing or from events.
/// </remarks>
internal sealed class InboxListing
{
    /// <summary>The longest blob name storage allows.</summary>
    private const int MaxNameLength = 1024;

    private static readonly SearchValues<char> Unusable = SearchValues.Create("\n\r\t\\");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, SourceFile>> _folders = new(StringComparer.Ordinal);

    /// <summary>Whether a full listing was loaded: until then, nothing is known.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>How many files are known.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _folders.Values.Sum(files => files.Count);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> can be a file a read uses: <c>&lt;feed&gt;/feed.json</c> or an article directly
    /// in a feed's folder, by <see cref="SourceFileRules"/>. Names with line breaks or tabs never are (the journal
    /// writes one name a line), nor names with a backslash: storage takes it as <c>/</c>, so the blob looked at would
    /// not be the file named. An event's name is anyone's text: it is checked here, before any blob is looked at.
    /// </summary>
    public static bool Matters(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || name.Length > MaxNameLength || name.AsSpan().IndexOfAny(Unusable) >= 0)
        {
            return false;
        }

        var file = name[(slash + 1)..];
        return !file.Contains('/', StringComparison.Ordinal) && SourceFileRules.IsFeedFolder(name[..slash])
            && (SourceFileRules.IsFeedDefinition(file) || SourceFileRules.IsArticle(file));
    }

    /// <summary>
    /// Replaces what is known (of <paramref name="feed"/> alone, when given) by a listing; returns the names whose
    /// version the listing changed, with their version now, or none at the first load.
    /// </summary>
    public IReadOnlyList<InboxChange> Load(IEnumerable<SourceFolder> listing, string? feed)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var listed = new Dictionary<string, Dictionary<string, SourceFile>>(StringComparer.Ordinal);
        foreach (var folder in listing.Where(folder => feed is null || folder.Name == feed))
        {
            foreach (var file in folder.Files.Where(file => Matters(file.Key)))
            {
                if (!listed.TryGetValue(folder.Name, out var files))
                {
                    listed[folder.Name] = files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
                }

                files[file.Name] = file;
            }
        }

        lock (_gate)
        {
            var changes = new List<InboxChange>();
            if (IsLoaded)
            {
                var before = feed is null ? _folders : _folders.Where(folder => folder.Key == feed).ToDictionary(StringComparer.Ordinal);
                foreach (var (name, file) in Files(listed))
                {
                    if (Find(before, name) is not { } known || known.Stamp != file.Stamp)
                    {
                        changes.Add(new InboxChange(name, file.Stamp));
                    }
                }

                changes.AddRange(Files(before).Where(known => Find(listed, known.Name) is null).Select(known => new InboxChange(known.Name, InboxChange.Absent)));
            }

            if (feed is null)
            {
                _folders.Clear();
            }
            else
            {
                _folders.Remove(feed);
            }

            foreach (var (name, files) in listed)
            {
                _folders[name] = files;
            }

            IsLoaded = true;
            return changes;
        }
    }

    /// <summary>The version known of blob <paramref name="name"/>: its ETag, or <see cref="InboxChange.Absent"/>.</summary>
    public string VersionOf(string name)
    {
        lock (_gate)
        {
            return Find(_folders, name)?.Stamp ?? InboxChange.Absent;
        }
    }

    /// <summary>Sets blob <paramref name="name"/> (a name that <see cref="Matters"/>) as it is now: <paramref name="file"/>, or gone.</summary>
    public void Set(string name, SourceFile? file)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (folder, fileName) = (name[..slash], name[(slash + 1)..]);
        lock (_gate)
        {
            if (file is not null)
            {
                if (!_folders.TryGetValue(folder, out var files))
                {
                    _folders[folder] = files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
                }

                files[fileName] = file;
            }
            else if (_folders.TryGetValue(folder, out var files) && files.Remove(fileName) && files.Count == 0)
            {
                _folders.Remove(folder);
            }
        }
    }

    /// <summary>The folders known (only <paramref name="feed"/>'s, when given) with their files, as a listing would give them.</summary>
    public IReadOnlyList<SourceFolder> Folders(string? feed)
    {
        lock (_gate)
        {
            return
            [
                .. _folders.Where(folder => feed is null || folder.Key == feed)
                    .Select(folder => new SourceFolder(folder.Key, [.. folder.Value.Values])),
            ];
        }
    }

    private static IEnumerable<(string Name, SourceFile File)> Files(Dictionary<string, Dictionary<string, SourceFile>> folders) =>
        folders.SelectMany(folder => folder.Value.Select(file => ($"{folder.Key}/{file.Key}", file.Value)));

    private static SourceFile? Find(Dictionary<string, Dictionary<string, SourceFile>> folders, string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && folders.TryGetValue(name[..slash], out var files) && files.TryGetValue(name[(slash + 1)..], out var file) ? file : null;
    }
}
