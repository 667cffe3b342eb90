namespace Syndication.Sources;

/// <summary>A folder directly under a source, with every file directly in it, as a listing shows them.</summary>
internal sealed record SourceFolder(string Name, IReadOnlyList<SourceFile> Files);
