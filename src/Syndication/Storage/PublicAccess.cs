namespace Syndication.Storage;

/// <summary>Who may read the published blobs straight from the container.</summary>
public enum PublicAccess
{
    /// <summary>Anyone may read blobs (not list them): feed readers fetch the container URLs directly.</summary>
    Blob,

    /// <summary>No anonymous access, for accounts that forbid it: feeds are served through a static website endpoint or a CDN.</summary>
    None,
}
