namespace Syndication.Storage;

/// <summary>
/// The state container (<see cref="StorageOptions.StateContainer"/>) allows anonymous reading: the feed states, the
/// kept copies of every article (held ones included) and the publication records would be listable by anyone. The
/// publisher never makes it public, so someone else did, or it names a container meant for something else.
/// </summary>
public sealed class PublicStateContainerException : InvalidOperationException
{
    /// <summary>A refusal to use <paramref name="container"/>, which allows <paramref name="access"/>.</summary>
    public PublicStateContainerException(string container, string access)
        : base($"The state container '{container}' allows anonymous read access ({access}): the feed states and the copies of every article, held ones "
               + "included, would be readable by anyone. Turn its public access off, or set Syndication:Storage:StateContainer to a private container.")
    {
        Container = container;
    }

    /// <summary>The state container's name.</summary>
    public string Container { get; }
}
