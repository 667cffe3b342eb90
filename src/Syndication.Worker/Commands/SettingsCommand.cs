using System.CommandLine;
using System.Globalization;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// A verb whose options are configuration settings: each option, when given, becomes a key of the <c>Syndication</c>
/// section, read by the host's configuration like any other source.
/// </summary>
public abstract class SettingsCommand : Command
{
    private readonly List<Func<ParseResult, IEnumerable<KeyValuePair<string, string>>>> _settings = [];

    /// <summary>Creates the verb <paramref name="name"/>.</summary>
    protected SettingsCommand(string name, string description, CommandContext context)
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>Where the command writes, and the test hook for the host.</summary>
    protected CommandContext Context { get; }

    /// <summary>
    /// The configuration keys and values the command line sets: the <c>--Syndication:Key=VALUE</c> tokens, then the
    /// options given in <paramref name="parseResult"/>, so an option wins over a token for the same key.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> SettingsOf(ParseResult parseResult) =>
        Context.Settings.Concat(_settings.SelectMany(setting => setting(parseResult)));

    /// <summary>The host builder of this command, with its configuration and logging; the caller adds its services, then completes the configuration (<see cref="CommandHost.Complete"/>).</summary>
    protected HostApplicationBuilder CreateBuilder(ParseResult parseResult, StatusLine status, bool service = false) =>
        CommandHost.CreateBuilder(Context, SettingsOf(parseResult), Context.VerbosityOf(parseResult), status, service);

    /// <summary>
    /// Runs the test hook, then completes the configuration; writes what is wrong with it.
    /// </summary>
    /// <returns>Whether the configuration names settings only.</returns>
    protected async Task<bool> CompleteAsync(HostApplicationBuilder builder)
    {
        Context.Configure?.Invoke(builder);
        var unknown = CommandHost.Complete(builder);
        if (unknown.Count > 0)
        {
            await WriteInvalidConfigurationAsync(unknown).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>Writes the settings that are wrong, all at once.</summary>
    protected Task WriteInvalidConfigurationAsync(IEnumerable<string> failures) =>
        Context.Error.WriteLineAsync("Invalid configuration:\n  " + string.Join("\n  ", failures));

    /// <summary><c>--feeds DIR</c>: <c>Syndication:FeedsPath</c>.</summary>
    protected void AddFeedsOption() => AddText("--feeds", "DIR", nameof(SyndicationOptions.FeedsPath), "The feeds folder [default: feeds]");

    /// <summary><c>--out DIR</c>: <c>Syndication:OutputPath</c>.</summary>
    protected void AddOutOption(string description) => AddText("--out", "DIR", nameof(SyndicationOptions.OutputPath), description);

    /// <summary>The options that say where the documents go and what publishing may do: <c>publish</c> and <c>run</c>.</summary>
    protected void AddPublishingOptions()
    {
        AddFeedsOption();
        AddStorageOptions();
        AddOutOption("Write the documents into DIR, same layout, instead of storage");
        AddFlag("--allow-mass-delete", "Deletion:AllowMassDelete", "Let this run remove many entries at once");
        AddFlag("--dry-run", "DryRun", "Read and plan everything, write nothing: say what would change");
        var feed = new Option<string[]>("--feed")
        {
            HelpName = "NAME",
            Description = "Publish only this feed (repeatable) [Syndication:OnlyFeeds]",
            Arity = ArgumentArity.OneOrMore,
        };
        Add(feed);
        _settings.Add(result => (result.GetValue(feed) ?? []).Select((name, i) =>
            Setting(string.Create(CultureInfo.InvariantCulture, $"OnlyFeeds:{i}"), name)));
        AddText("--state", "DIR", "StatePath", "With --out: keep the private files (feed states, article copies) in DIR [default: <out>.syndication-state beside it]");
    }

    /// <summary>When the worker publishes: <c>run</c> only, since the schedule changes nothing a run writes.</summary>
    protected void AddScheduleOptions()
    {
        AddDuration("--interval", "HH:MM:SS", nameof(WorkerOptions.Interval), "How often to publish when no schedule is set [default: 00:05:00]");
        AddText("--schedule", "VALUE", nameof(WorkerOptions.Schedule), "When to publish: an interval or a cron expression [default: the interval]");
    }

    /// <summary>Where the documents are stored.</summary>
    private void AddStorageOptions()
    {
        AddText("--connection-string", "VALUE", "Storage:ConnectionString", "The storage connection string");
        AddUri("--service-uri", "URL", "Storage:ServiceUri", "The storage service URL, signed in with DefaultAzureCredential");
        AddText("--container", "NAME", "Storage:Container", "The blob container [default: feeds]");
        AddUri("--public-base-url", "URL", nameof(SyndicationOptions.PublicBaseUrl), "Where the container is served publicly [default: the container's URL]");
    }

    /// <summary>An option with a text value.</summary>
    protected void AddText(string name, string helpName, string key, string description)
    {
        var option = new Option<string>(name) { HelpName = helpName, Description = $"{description} [Syndication:{key}]" };
        Add(option);
        _settings.Add(result => result.GetResult(option) is null ? [] : [Setting(key, result.GetValue(option) ?? string.Empty)]);
    }

    /// <summary>A flag that sets <paramref name="key"/> to <c>true</c> when given.</summary>
    protected void AddFlag(string name, string key, string description)
    {
        var option = new Option<bool>(name) { Description = $"{description} [Syndication:{key}=true]" };
        Add(option);
        _settings.Add(result => result.GetValue(option) ? [Setting(key, "true")] : []);
    }

    private void AddUri(string name, string helpName, string key, string description)
    {
        var option = new Option<Uri>(name)
        {
            HelpName = helpName,
            Description = $"{description} [Syndication:{key}]",
            CustomParser = argument =>
            {
                var text = argument.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                argument.AddError($"{name} (Syndication:{key}) must be an absolute http(s) URL, not '{text}'");
                return null;
            },
        };
        Add(option);
        _settings.Add(result => result.GetValue(option) is { } uri ? [Setting(key, uri.OriginalString)] : []);
    }

    private void AddDuration(string name, string helpName, string key, string description)
    {
        var option = new Option<TimeSpan?>(name)
        {
            HelpName = helpName,
            Description = $"{description} [Syndication:{key}]",
            CustomParser = argument =>
            {
                var text = argument.Tokens.Single().Value;
                if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration))
                {
                    return duration;
                }

                argument.AddError($"{name} (Syndication:{key}) must be a duration such as 00:05:00, not '{text}'");
                return null;
            },
        };
        Add(option);
        _settings.Add(result => result.GetValue(option) is { } duration ? [Setting(key, duration.ToString("c", CultureInfo.InvariantCulture))] : []);
    }

    private static KeyValuePair<string, string> Setting(string key, string value) => new($"{SyndicationOptions.SectionName}:{key}", value);
}
