namespace Syndication.Sources;

/// <summary>
/// A hash of a name that is the same in every process and on every machine (32-bit FNV-1a over its UTF-16 code
/// units), for splitting what is saved into parts: <see cref="string.GetHashCode()"/> changes from one process to the next.
/// </summary>
internal static class StableHash
{
    /// <summary>The hash of <paramref name="name"/>.</summary>
    public static uint Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
