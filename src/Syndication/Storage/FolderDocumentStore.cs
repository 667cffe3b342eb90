using Syndication.Formats;

namespace Syndication.Storage;

/// <summary>
/// Writes documents into a local folder with the same layout as the container (<c>syndication publish --out DIR</c>):
/// for previews, for diffing two versions, and for static hosting. Each file is written to a temporary name and
/// renamed, so a web server never serves half a document; unchanged files are not touched.
/// </summary>
public sealed class FolderDocumentStore(string root) : IDocumentStore
{
    private readonly string _root = Path.GetFullPath(root);

    /// <inheritdoc/>
    public Uri Location => new(Path.TrimEndingDirectorySeparator(_root) + Path.DirectorySeparatorChar);

    /// <inheritdoc/>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<UploadSummary> SynchronizeAsync(string prefix, IReadOnlyList<FeedDocument> documents, Func<string, bool> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(owned);
        int written = 0, unchanged = 0, deleted = 0;
        long bytes = 0;
        foreach (var document in documents.OrderBy(d => d.Wave))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(document.Name);
            if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(document.Content.Span))
            {
                unchanged++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, document.Content, CancellationToken.None).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            written++;
            bytes += document.Content.Length;
        }

        var names = documents.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(_root, Path.GetDirectoryName(prefix.Replace('/', Path.DirectorySeparatorChar)) ?? string.Empty);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (name.StartsWith(prefix, StringComparison.Ordinal) && owned(name) && !names.Contains(name))
                {
                    File.Delete(file);
                    deleted++;
                }
            }
        }

        return new UploadSummary(written, unchanged, deleted, bytes);
    }

    private string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, name));
        // Names come from feed folder names and fixed file names, but a document never escapes the folder.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"The document name '{name}' leaves the output folder.");
    }
}
