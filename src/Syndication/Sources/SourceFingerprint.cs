using System.Text;
using Syndication.Articles;

namespace Syndication.Sources;

/// <summary>What a source holds, found without parsing anything (see <see cref="IFeedSource.FingerprintAsync"/>).</summary>
/// <param name="Hash">A hash of every file the feeds are read from: each feed's definition and article files, by name and bytes.</param>
/// <param name="Feeds">The feeds: the folders with a definition file, by name.</param>
internal sealed record SourceFingerprint(string Hash, IReadOnlyList<string> Feeds)
{
    /// <summary>The fingerprint of the files listed by name with a version of their bytes (a hash), in the order given.</summary>
    public static SourceFingerprint Of(IEnumerable<(string Name, string? Version)> files, IReadOnlyList<string> feeds)
    {
        ArgumentNullException.ThrowIfNull(files);
        var listing = new StringBuilder();
        foreach (var (name, version) in files)
        {
            listing.Append(name).Append(' ').Append(version).Append('\n');
        }

        return new SourceFingerprint(ArticleParser.HashOf(Encoding.UTF8.GetBytes(listing.ToString())), feeds);
    }
}
