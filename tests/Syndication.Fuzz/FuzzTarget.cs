namespace Syndication.Fuzz;

/// <summary>One code path under fuzzing. Any exception that escapes <see cref="Run"/> is a finding.</summary>
internal sealed record FuzzTarget(string Name, Action<byte[]> Run)
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("parse", ParseTarget.Run),
        new("render", RenderTarget.Run),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
