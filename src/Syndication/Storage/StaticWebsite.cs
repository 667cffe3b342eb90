namespace Syndication.Storage;

/// <summary>
/// Azure's static website hosting: the account serves the <c>$web</c> container at its static website endpoint
/// (<c>https://&lt;account&gt;.z&lt;n&gt;.web.core.windows.net</c>), with index documents and custom domains.
/// </summary>
/// <remarks>
/// The endpoint serves <c>$web</c> to anyone whatever the container's access level, so the container needs no anonymous
/// blob access, and its blob URL is not where readers go.
/// </remarks>
internal static class StaticWebsite
{
    /// <summary>The container the static website endpoint serves; the only valid container name outside the usual rule.</summary>
    public const string Container = "$web";

    /// <summary>
    /// The private state container when <see cref="Container"/> is published to and none is set: <c>$web-state</c>, the
    /// usual default, is not a valid name.
    /// </summary>
    public const string DefaultStateContainer = "web-state";
}
