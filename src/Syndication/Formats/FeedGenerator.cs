using System.Reflection;

namespace Syndication.Formats;

/// <summary>The name and version written into each feed's generator element.</summary>
public static class FeedGenerator
{
    /// <summary>The product name.</summary>
    public const string Name = "Syndication";

    /// <summary>The version of this library (without a commit hash, so the bytes of feeds change only with releases).</summary>
    public static string Version { get; } =
        typeof(FeedGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Name and version, as in <c>Syndication 0.1.0</c>.</summary>
    public static string Text => $"{Name} {Version}";
}
