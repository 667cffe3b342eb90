namespace Syndication.Benchmarks;

/// <summary>One saved article, timed by <see cref="WatchBench"/>.</summary>
/// <param name="Latency">From the moment the file was in place to the first <c>rss.xml</c> holding it.</param>
/// <param name="RunStarted">From the save to the start of the run that published it: the debounce, and the watcher's own delay.</param>
/// <param name="Run">The run's duration, as the worker logged it.</param>
/// <param name="SeenAfterRunEnd">From the run's end (its log line) to the poll that found the article; negative when the poll caught <c>rss.xml</c>, uploaded before the run ends, first.</param>
/// <param name="Runs">How many runs the save caused; more than one means the watcher fired again for the same save.</param>
/// <param name="WorkerCpu">The CPU time the worker used from the save to the run's end (user and system, all threads).</param>
/// <param name="AzuriteCpu">The CPU time Azurite used meanwhile, the benchmark's polls included.</param>
internal sealed record WatchSample(TimeSpan Latency, TimeSpan RunStarted, TimeSpan Run, TimeSpan SeenAfterRunEnd, int Runs, TimeSpan WorkerCpu, TimeSpan AzuriteCpu);
