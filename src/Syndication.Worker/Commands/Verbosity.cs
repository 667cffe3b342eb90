namespace Syndication.Worker.Commands;

/// <summary>How much a command logs.</summary>
public enum Verbosity
{
    /// <summary>As the <c>Logging</c> configuration says (Information by default).</summary>
    Normal,

    /// <summary><c>--quiet</c>: Warning and above.</summary>
    Quiet,

    /// <summary><c>--verbose</c>: Debug and above, and stack traces of unexpected failures.</summary>
    Verbose,
}
