namespace Syndication.Tests.Sources;

/// <summary>The sources every case runs against.</summary>
public enum SourceKind
{
    Folder,
    Blob,
}
