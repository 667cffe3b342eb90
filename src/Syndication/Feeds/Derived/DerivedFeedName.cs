using System.Security.Cryptography;
using System.Text;
using Syndication.Articles;

namespace Syndication.Feeds.Derived;

/// <summary>How a tag or an author becomes the name of its derived feed: <c>tags/&lt;slug&gt;</c>, <c>authors/&lt;slug&gt;</c>.</summary>
internal static class DerivedFeedName
{
    /// <summary>The folder of the feeds per tag.</summary>
    public const string TagsFolder = "tags";

    /// <summary>The folder of the feeds per author.</summary>
    public const string AuthorsFolder = "authors";

    /// <summary>The name of the feed of every article.</summary>
    public const string All = "all";

    /// <summary>
    /// What two spellings of one tag or name share: case, Unicode compatibility forms and runs of white space do not
    /// count, punctuation does (<c>C#</c> and <c>C</c> are different tags, though they make the same slug).
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlainText.CollapseWhiteSpace(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
    }

    /// <summary>
    /// The slug of a <see cref="Key"/>; a key with nothing to write in ASCII (a Chinese or Arabic tag, say) gets a
    /// short hash of itself, the same on every machine.
    /// </summary>
    public static string SlugOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Slug.FromTitle(key) ?? "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
    }

    /// <summary>The feed of tag <paramref name="slug"/>.</summary>
    public static string Tag(string slug) => $"{TagsFolder}/{slug}";

    /// <summary>The feed of author <paramref name="slug"/>.</summary>
    public static string Author(string slug) => $"{AuthorsFolder}/{slug}";
}
