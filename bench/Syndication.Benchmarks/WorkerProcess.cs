using System.Diagnostics;
using System.Globalization;

namespace Syndication.Benchmarks;

/// <summary>
/// The <c>syndication</c> worker as production runs it: the Release build of <c>src/Syndication.Worker</c> started as
/// a process of its own with <c>run</c>, configured by environment variables and options, stopped with SIGTERM. Its
/// log lines are kept with the moment each arrived, so they can be set against the benchmark's own clock.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<WorkerLogLine> _lines = [];
    private readonly Lock _gate = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>How many lines the worker has written so far; an index for <see cref="WaitForLineAsync"/>.</summary>
    public int LineCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>
    /// The CPU time the worker has used so far: on a machine shared with other work, a run's CPU time says more about
    /// its cost than its duration does.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Builds the worker in Release with <c>dotnet build</c> (incremental: a second or two when nothing changed) and
    /// returns the built assembly's path as MSBuild reports it, so a stale or missing build is never measured and the
    /// output folder is not guessed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds its output.</exception>
    public static string Build()
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Syndication.Worker", "Syndication.Worker.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", project, "-c", "Release", "--nologo", "-t:Build", "-getProperty:TargetPath" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var build = Process.Start(start)!;
        var error = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        var path = output.Trim();
        if (build.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"Building the worker failed (exit code {build.ExitCode}):\n{output}\n{error.Result}");
        }

        return path;
    }

    /// <summary>
    /// Publishes the worker as it is deployed (<c>dotnet publish -c Release --use-current-runtime</c>, ReadyToRun) into
    /// <paramref name="output"/>, as bench/new-process.sh does.
    /// </summary>
    /// <returns>The published <c>syndication.dll</c>, beside its native launcher.</returns>
    /// <exception cref="InvalidOperationException">The publish failed; the message holds its output.</exception>
    public static string Publish(string output)
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Syndication.Worker", "Syndication.Worker.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "--use-current-runtime", "-o", output, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var publish = Process.Start(start)!;
        var error = publish.StandardError.ReadToEndAsync();
        var text = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        var path = Path.Combine(output, "syndication.dll");
        if (publish.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"Publishing the worker failed (exit code {publish.ExitCode}):\n{text}\n{error.Result}");
        }

        return path;
    }

    /// <summary>The process's resident high-water mark so far (Linux <c>VmHWM</c>), or 0 where there is none.</summary>
    public long PeakBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Starts <paramref name="assembly"/> (through its native launcher when there is one, as an installed worker runs) with <paramref name="arguments"/>.</summary>
    /// <param name="assembly">The worker's built <c>syndication.dll</c>.</param>
    /// <param name="arguments">The command line, such as <c>run --feeds DIR</c>.</param>
    /// <param name="environment">Variables set for the worker; every inherited <c>Syndication__</c> variable is removed first, so only these configure it.</param>
    /// <param name="workingDirectory">The worker's current directory.</param>
    public static WorkerProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var launcher = Path.ChangeExtension(assembly, null);
        var start = File.Exists(launcher) && !OperatingSystem.IsWindows()
            ? new ProcessStartInfo(launcher)
            : new ProcessStartInfo("dotnet") { ArgumentList = { assembly } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Syndication__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Add(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => worker.Add(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>The lines written so far, from index <paramref name="from"/> on.</summary>
    public IReadOnlyList<WorkerLogLine> LinesFrom(int from)
    {
        lock (_gate)
        {
            return _lines[Math.Min(from, _lines.Count)..];
        }
    }

    /// <summary>Waits for the first line from index <paramref name="from"/> on that contains <paramref name="text"/>.</summary>
    /// <exception cref="InvalidOperationException">The worker exited first.</exception>
    /// <exception cref="TimeoutException">No such line came within <paramref name="timeout"/>.</exception>
    public async Task<WorkerLogLine> WaitForLineAsync(int from, string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            // Each line carries the moment it arrived, so polling here costs no precision.
            if (LinesFrom(from).FirstOrDefault(l => l.Text.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The worker exited with code {_process.ExitCode} before writing '{text}':\n{Tail()}");
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The worker did not write '{text}' within {timeout}:\n{Tail()}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Waits for a one-shot command (<c>publish</c>) to exit, reading the process's resident high-water mark (Linux
    /// <c>VmHWM</c>) every 20 ms meanwhile: the last reading before exit is its peak memory, give or take the last 20 ms.
    /// </summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; it is killed.</exception>
    public async Task<(int ExitCode, long PeakBytes)> WaitForExitAsync(TimeSpan timeout)
    {
        var status = $"/proc/{_process.Id}/status";
        long peak = 0;
        var waited = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            try
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
                // Exited between the check and the read.
            }

            if (waited.Elapsed > timeout)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The command did not finish within {timeout}:\n{Tail()}");
            }

            await Task.Delay(20);
        }

        await _process.WaitForExitAsync();
        return (_process.ExitCode, peak);
    }

    /// <summary>Stops the worker as systemd or Docker would, with SIGTERM, and waits for it to exit.</summary>
    /// <returns>The exit code and how long stopping took, or <see langword="null"/> if it had to be killed after <paramref name="timeout"/>.</returns>
    public async Task<(int ExitCode, TimeSpan Took)?> StopAsync(TimeSpan timeout)
    {
        var stopping = Stopwatch.StartNew();
        // Process.Kill sends SIGKILL on Unix, which would skip the graceful shutdown being exercised.
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }

        return (_process.ExitCode, stopping.Elapsed);
    }

    /// <summary>Kills the worker if it is still running (a benchmark that failed half-way).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Add(string? text, bool isError)
    {
        if (text is null)
        {
            return;
        }

        var line = new WorkerLogLine(Stopwatch.GetTimestamp(), text, isError);
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    private string Tail() => string.Join('\n', LinesFrom(Math.Max(0, LineCount - 40)).Select(l => l.Text));
}
