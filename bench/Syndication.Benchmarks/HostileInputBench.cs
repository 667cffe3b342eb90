using System.Diagnostics;
using System.Globalization;
using System.Text;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Feeds.Related;
using Syndication.Formats;
using Syndication.Sources;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>hostile [MiB [CASE]]</c>: files made to be slow, each as large as the size limit allows (4 MiB by default), taken
/// through every step an article takes: parsed, its related articles computed, its entry built (the sanitiser) and
/// written as RSS, Atom, JSON Feed and the HTML page. Each case runs three times after a warm-up (once, when the warm-up
/// takes over 10 s); the median of each step is printed, with the processor time the host took from the machine meanwhile
/// ("stolen", the median over the runs), and the case fails the bench when the whole takes 1 s or more.
/// CASE runs only the cases whose name contains it. Each case runs in a process of its own, killed after 60 s.
/// </summary>
/// <remarks>
/// Each case stands for a way parsers go quadratic or deep: long runs of one delimiter (spaces, <c>&gt;</c>,
/// <c>*</c>, <c>[</c>, backticks, <c>|</c>), deep nesting (lists, block quotes, HTML elements, YAML flow collections),
/// many small elements (tags, entities, links), and one long unbroken word.
/// </remarks>
internal static class HostileInputBench
{
    private const double LimitSeconds = 1.0;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Site = new("https://news.example.com/hostile/");
    private static readonly FeedUrls Urls = FeedUrls.For(new Uri("https://feeds.example.org/"), "hostile");

    /// <summary>
    /// The runtime settings <c>src/Syndication.Worker/Syndication.Worker.csproj</c> gives the worker, as environment
    /// variables for each case's process: an article is parsed and written in the worker, and without them the same
    /// case took up to half as long again (dynamic PGO runs the XML writer instrumented at first).
    /// </summary>
    private static readonly Dictionary<string, string> WorkerRuntime = new(StringComparer.Ordinal)
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
        ["DOTNET_GCConserveMemory"] = "5",
        ["DOTNET_GCLOHThreshold"] = "0x200000",
    };

    /// <summary>Each case in a process of its own, killed after <paramref name="cap"/>: a case that takes hours must not hold up the others.</summary>
    public static int Run(int mebibytes, string? only, TimeSpan cap)
    {
        var size = mebibytes * 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hostile: each file {size:N0} bytes; median of 3 after a warm-up; each case in its own process with the worker's runtime settings ({string.Join(' ', WorkerRuntime.Select(s => $"{s.Key}={s.Value}"))}), killed after {cap.TotalSeconds:0} s; {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        Console.WriteLine($"{"case",-44} {"parse",8} {"related",8} {"build",8} {"write",8} {"total",8} {"stolen",8}  outcome");
        var failed = 0;
        var cases = Cases(size).Select((c, index) => (c.Name, index)).Where(c => only is null || c.Name.Contains(only, StringComparison.Ordinal)).ToList();
        foreach (var (name, index) in cases)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var (setting, value) in WorkerRuntime)
            {
                start.Environment[setting] = value;
            }

            foreach (var argument in (string[])[typeof(HostileInputBench).Assembly.Location, "hostile-case", mebibytes.ToString(CultureInfo.InvariantCulture), index.ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(cap))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                failed++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {"",8} {"",8} {"",8} {"",8} {">" + cap.TotalSeconds.ToString("0", CultureInfo.InvariantCulture),8} {"",8}  SLOW: killed after {cap.TotalSeconds:0} s"));
                continue;
            }

            var line = output.Result.TrimEnd();
            failed += process.ExitCode == 0 ? 0 : 1;
            Console.WriteLine(line);
        }

        Console.WriteLine(failed == 0 ? $"every case under {LimitSeconds:0} s" : $"{failed} of {cases.Count} case(s) took {LimitSeconds:0} s or more");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Case <paramref name="index"/> of <see cref="Cases"/>, timed and printed as one line; exit code 1 when it is slow.</summary>
    public static int RunCase(int mebibytes, int index)
    {
        var size = mebibytes * 1024 * 1024;
        var parser = new ArticleParser(new ArticleParserOptions { MaxFileBytes = size });
        var sanitizer = new HtmlContentSanitizer();
        var failed = 0;
        foreach (var (name, path, text) in Cases(size).Skip(index).Take(1))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var runs = new List<(double Parse, double Related, double Build, double Write, string Outcome)>();
            var stolen = new List<double>();
            for (var run = 0; run < 4; run++)
            {
                var steal = StolenSeconds();
                var result = Once(parser, sanitizer, path, bytes);
                if (run > 0 || result.Parse + result.Related + result.Build + result.Write > 10 * LimitSeconds)
                {
                    // A case ten times over the limit is timed once: its repeats would say nothing more.
                    runs.Add(result);
                    stolen.Add(StolenSeconds() - steal);
                }

                if (runs.Count == 1 && run == 0)
                {
                    break;
                }
            }

            double Median(Func<(double Parse, double Related, double Build, double Write, string Outcome), double> step) => runs.Select(step).Order().ElementAt(runs.Count / 2);
            var total = Median(r => r.Parse + r.Related + r.Build + r.Write);
            var pass = total < LimitSeconds;
            failed += pass ? 0 : 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-44} {Median(r => r.Parse),8:F3} {Median(r => r.Related),8:F3} {Median(r => r.Build),8:F3} {Median(r => r.Write),8:F3} {total,8:F3} {stolen.Order().ElementAt(stolen.Count / 2),8:F2}  {(pass ? "ok" : "SLOW")}: {runs[0].Outcome}"));
        }

        return failed == 0 ? 0 : 1;
    }

    private static (double Parse, double Related, double Build, double Write, string Outcome) Once(ArticleParser parser, HtmlContentSanitizer sanitizer, string path, byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        Article article;
        var diagnostics = new List<SourceDiagnostic>();
        try
        {
            article = parser.Parse(path, bytes, diagnostics);
        }
        catch (SourceFormatException e)
        {
            return (watch.Elapsed.TotalSeconds, 0, 0, 0, $"refused: {Shorten(e.Detail)}");
        }

        var parse = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var neighbour = parser.Parse("hostile/neighbour.txt", Encoding.UTF8.GetBytes("Shipping data trace munitions\n\nPorts, shells and containers.\n"), []);
        var definition = new FeedDefinition
        {
            Name = "hostile",
            Title = article.Title,
            Description = article.Summary,
            Link = Site,
            Language = "en",
            Author = article.Author ?? new Person("Desk"),
        };
        List<Article> articles = [article, neighbour];
        var feed = new SourceFeed(definition, articles);
        var resolver = new RelatedLinkResolver(new FeedCatalog([feed], []), related: null);
        var documents = articles.Select(a => new RelatedDocument(RelatedLinkResolver.KeyOf(a, definition), a.Title, PlainText.FromHtml(a.BodyHtml), [])).ToList();
        var matches = new RelatedArticleFinder(new RelatedOptions()).Find(documents);
        var related = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var state = new FeedState();
        FeedStateUpdater.Apply(state, articles, Now, articles.Zip(matches).ToDictionary(p => p.First.FileName, p => (IReadOnlyList<string>)[.. p.Second.Select(m => m.Key)]));
        var content = new FeedBuilder(resolver, sanitizer).Build(feed, state).AsPage();
        var build = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var written = Rss20DocumentWriter.Write(content, Urls, TimeSpan.FromMinutes(5)).Content.Length + Atom10DocumentWriter.Write(content, Urls).Content.Length
            + JsonFeedDocumentWriter.Write(content, Urls).Content.Length + FeedPageWriter.Write(content, Urls).Content.Length;
        var write = watch.Elapsed.TotalSeconds;
        return (parse, related, build, write, string.Create(CultureInfo.InvariantCulture,
            $"published, title of {article.Title.Length} chars, {diagnostics.Count} warning(s), {written:N0} bytes written"));
    }

    /// <summary>
    /// The processor time the hypervisor has taken from this machine's processors (all of them), in seconds, from the
    /// <c>steal</c> field of <c>/proc/stat</c> (in units of 1/100 s); 0 where there is no such file. A run whose time
    /// was stolen waited for the host, not for its own work: the column tells a slow case from a busy host.
    /// </summary>
    private static double StolenSeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 8 ? long.Parse(fields[8], CultureInfo.InvariantCulture) / 100.0 : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>A list each of whose items is nested one level deeper, by two more spaces, until <paramref name="size"/>.</summary>
    private static string IndentedList(int size)
    {
        var builder = new StringBuilder("A title\n\n", size);
        for (var depth = 0; builder.Length + (2 * depth) + 4 <= size; depth++)
        {
            builder.Append(' ', 2 * depth).Append("- x\n");
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;

    /// <summary>Each case's name, file name (its extension picks the format) and text of about <paramref name="size"/> bytes.</summary>
    private static IEnumerable<(string Name, string Path, string Text)> Cases(int size)
    {
        string Fill(string head, string unit, string tail = "")
        {
            var builder = new StringBuilder(size);
            builder.Append(head);
            while (builder.Length + unit.Length + tail.Length <= size)
            {
                builder.Append(unit);
            }

            return builder.Append(tail).ToString();
        }

        const string Title = "A title\n\n";
        yield return ("Read also: x, spaces, y", "hostile/a.txt", Fill(Title + "Body.\n\nRead also: x", " ", "y\n"));
        yield return ("title of spaced words (txt)", "hostile/a.txt", Fill(string.Empty, "a ", "\n\nBody.\n"));
        yield return ("one word, no space (txt)", "hostile/a.txt", Fill(Title, "x"));
        yield return ("heading of spaced words (md)", "hostile/a.md", Fill("# ", "a ", "\n\nBody.\n"));
        yield return ("'>' run (md)", "hostile/a.md", Fill(Title, ">", " x\n"));
        yield return ("'> ' nesting (md)", "hostile/a.md", Fill(Title, "> ", "x\n"));
        yield return ("list nesting (md)", "hostile/a.md", Fill(Title, " - ", "x\n"));
        yield return ("list nesting by indentation (md)", "hostile/a.md", IndentedList(size));
        yield return ("nested <div> (md)", "hostile/a.md", Fill(Title, "<div>"));
        yield return ("nested <div> in a paragraph (md)", "hostile/a.md", Fill(Title + "x ", "<span><b>"));
        yield return ("many tags (md)", "hostile/a.md", Fill(Title, "<b>x</b> "));
        yield return ("unclosed tags (md)", "hostile/a.md", Fill(Title + "x ", "<b "));
        yield return ("'*' run (md)", "hostile/a.md", Fill(Title, "*"));
        yield return ("'*a' emphasis openers (md)", "hostile/a.md", Fill(Title, "*a **a "));
        yield return ("'_' emphasis openers (md)", "hostile/a.md", Fill(Title, "_a __a "));
        yield return ("'[' run (md)", "hostile/a.md", Fill(Title, "["));
        yield return ("'[a](' link openers (md)", "hostile/a.md", Fill(Title, "[a]("));
        yield return ("'![[' image openers (md)", "hostile/a.md", Fill(Title, "![["));
        yield return ("backtick runs (md)", "hostile/a.md", Fill(Title, "`` ` "));
        yield return ("'|' table cells (md)", "hostile/a.md", Fill(Title + "| a | b |\n| - | - |\n", "|"));
        yield return ("table rows (md)", "hostile/a.md", Fill(Title + "| a | b |\n| - | - |\n", "| x | y |\n"));
        yield return ("entities (md)", "hostile/a.md", Fill(Title, "&amp;&#x26;&lt;"));
        yield return ("'<' run (txt)", "hostile/a.txt", Fill(Title, "<"));
        yield return ("'&' run (txt)", "hostile/a.txt", Fill(Title, "&"));
        yield return ("'\"' run (txt)", "hostile/a.txt", Fill(Title, "\""));
        yield return ("autolinks (md)", "hostile/a.md", Fill(Title, "https://x.example/ www.example.com "));
        yield return ("links to many pages (md)", "hostile/a.md", Fill(Title, "[a](https://x.example/a) "));
        yield return ("Read also lines (txt)", "hostile/a.txt", Fill(Title + "Body.\n\n", "Read also: Some other title\n"));
        yield return ("short paragraphs (md)", "hostile/a.md", Fill(Title, "Word.\n\n"));
        yield return ("combining marks (txt)", "hostile/a.txt", Fill("A\u0301", "\u0301\u200f"));
        yield return ("carriage returns only (txt)", "hostile/a.txt", Fill("Title\r\r", "line\r"));
        yield return ("front matter, YAML '[' nesting", "hostile/a.md", Fill("---\ntitle: ", "[", "\n---\nBody\n"));
        yield return ("front matter, YAML '{a: ' nesting", "hostile/a.md", Fill("---\ntitle: ", "{a: ", "\n---\nBody\n"));
        yield return ("front matter, many tags", "hostile/a.md", Fill("---\ntitle: T\ntags:\n", "  - tag\n", "---\nBody\n"));
        yield return ("front matter, aliases", "hostile/a.md", Fill("---\ntitle: T\na: &a [x, x, x, x, x, x, x, x]\n", "b: [*a, *a, *a, *a, *a, *a, *a, *a]\n", "---\nBody\n"));
        yield return ("front matter, long title", "hostile/a.md", Fill("---\ntitle: ", "a ", "\n---\nBody\n"));
    }
}
