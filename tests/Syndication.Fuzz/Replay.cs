using System.Diagnostics;

namespace Syndication.Fuzz;

/// <summary>Runs a target once per input, in this process and without afl-fuzz, printing each finding with its stack trace.</summary>
internal static class Replay
{
    /// <returns>0 when no input fails, 1 otherwise.</returns>
    public static int Run(FuzzTarget target, IReadOnlyList<string> paths)
    {
        var files = paths
            .SelectMany(path => Directory.Exists(path) ? Directory.GetFiles(path).Order(StringComparer.Ordinal) : (IEnumerable<string>)[path])
            .ToList();
        ParseTarget.Log = Console.Out;
        var failed = 0;
        foreach (var file in files)
        {
            Console.WriteLine($"input  {file}");
            var input = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                target.Run(input);
                Console.WriteLine($"ok     {clock.ElapsedMilliseconds} ms");
            }
            catch (Exception e) // the target lets through only what is a finding: every exception here is one
            {
                failed++;
                Console.WriteLine($"FAILED {clock.ElapsedMilliseconds} ms");
                Console.WriteLine(e);
            }
        }

        Console.WriteLine($"{target.Name}: {files.Count} input(s), {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
