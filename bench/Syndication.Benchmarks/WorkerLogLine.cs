namespace Syndication.Benchmarks;

/// <summary>A line the worker wrote, with the moment it reached the benchmark (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
/// <param name="Arrived">When the line was read, on the benchmark's clock: comparable with the moment an article was saved.</param>
/// <param name="Text">The line as the worker wrote it.</param>
/// <param name="IsError">Whether it came from standard error.</param>
internal sealed record WorkerLogLine(long Arrived, string Text, bool IsError);
