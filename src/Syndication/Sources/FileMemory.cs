namespace Syndication.Sources;

/// <summary>What a source remembers of a file it read: enough to know from a listing alone that it did not change.</summary>
/// <param name="Stamp">The file's stamp when it was read.</param>
/// <param name="Settled">Whether the stamp can be trusted at later runs (see <see cref="SourceFile.Settled"/>).</param>
/// <param name="Run">The run that read it: an unsettled stamp is trusted within that run only.</param>
/// <param name="Hash">SHA-256 of the bytes read (lowercase hex).</param>
/// <param name="Parsed">What the bytes were read as (an article, a definition), when it may be reused; otherwise <see langword="null"/>.</param>
internal sealed record FileMemory(string Stamp, bool Settled, int Run, string Hash, object? Parsed)
{
    /// <summary>Whether <paramref name="file"/>, as listed during <paramref name="run"/>, still has the bytes remembered.</summary>
    public bool Describes(SourceFile file, int run) => file.Stamp == Stamp && (Settled || Run == run);
}
