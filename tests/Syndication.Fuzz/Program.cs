using SharpFuzz;
using Syndication.Fuzz;

// Under afl-fuzz:  dotnet Syndication.Fuzz.dll <target>            (each input arrives on standard input)
// Triage:          dotnet Syndication.Fuzz.dll <target> --replay <file or folder>...
// Instrumenting:   dotnet Syndication.Fuzz.dll --coverage-prefixes  (the type names to give sharpfuzz)
if (args is ["--coverage-prefixes"])
{
    foreach (var prefix in CoverageScope.Prefixes())
    {
        Console.WriteLine(prefix);
    }

    return 0;
}

if (args is not [var name, ..] || FuzzTarget.Find(name) is not { } target)
{
    Console.Error.WriteLine($"usage: Syndication.Fuzz <{string.Join('|', FuzzTarget.All.Select(t => t.Name))}> [--replay <file or folder>...]");
    return 2;
}

if (args is [_, "--replay", .. var paths])
{
    return Replay.Run(target, paths);
}

if (args.Length > 1)
{
    Console.Error.WriteLine($"unknown arguments after '{name}': {string.Join(' ', args[1..])}");
    return 2;
}

// Out of process: a stack overflow or a timeout kills only the child, which the fork server restarts, instead of
// ending the whole session.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target.Run(input.ToArray());
});
return 0;
