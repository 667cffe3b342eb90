namespace Syndication.Storage;

/// <summary>The storage account refuses anonymous access, so the feed container cannot be created public.</summary>
public sealed class PublicAccessNotPermittedException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="container"/>.</summary>
    public PublicAccessNotPermittedException(string container, Exception innerException)
        : base($"The storage account does not permit public access, so container '{container}' cannot be created with anonymous read access. " +
               "Set Syndication:Storage:PublicAccess to 'none' and serve the feeds through a static website endpoint or a CDN, " +
               "or allow blob public access on the account.", innerException)
    {
        Container = container;
    }

    /// <summary>The container that could not be created.</summary>
    public string Container { get; }
}
