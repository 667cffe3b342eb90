using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Syndication.Articles;

namespace Syndication.Publishing;

/// <summary>Checks <see cref="SyndicationOptions"/> at start, naming each setting that is wrong.</summary>
public sealed partial class SyndicationOptionsValidator : IValidateOptions<SyndicationOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SyndicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = SyndicationOptions.SectionName;

        if (options.Source.Container is { } source)
        {
            if (!ContainerName().IsMatch(source) || source.Contains("--", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:Source:Container '{source}' is not a valid container name.");
            }
            else if (source == options.Storage.Container || source == options.Storage.EffectiveStateContainer)
            {
                failures.Add($"{Section}:Source:Container must differ from the published and the state containers.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.FeedsPath))
        {
            failures.Add($"{Section}:FeedsPath must name the feeds folder.");
        }
        else if (!Directory.Exists(options.FeedsPath))
        {
            failures.Add($"{Section}:FeedsPath: the folder '{Path.GetFullPath(options.FeedsPath)}' does not exist.");
        }

        if (options.WebSub.Hub is not null && !WebUrl.TryParse(options.WebSub.Hub.OriginalString, out _))
        {
            failures.Add($"{Section}:WebSub:Hub must be an absolute http(s) URL.");
        }

        if (options.WebSub.Attempts is < 1 or > 10 || options.WebSub.RetryDelay < TimeSpan.Zero || options.WebSub.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:WebSub: Attempts must be 1 to 10, RetryDelay not negative and Timeout positive.");
        }

        if (options.LeaseWait < TimeSpan.Zero)
        {
            failures.Add($"{Section}:LeaseWait must not be negative.");
        }

        if (options.PublicBaseUrl is not null && !WebUrl.TryParse(options.PublicBaseUrl.OriginalString, out _))
        {
            failures.Add($"{Section}:PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:Interval must be at least 00:00:01.");
        }

        try
        {
            _ = options.ParseSchedule();
        }
        catch (FormatException e)
        {
            failures.Add(e.Message);
        }

        if (options.WatchDebounce < TimeSpan.Zero || options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"{Section}:WatchDebounce and {Section}:ShutdownTimeout must not be negative.");
        }

        var storage = options.Storage;
        var needsStorage = options.OutputPath is null || options.Source.Container is not null;
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            if (storage.ServiceUri is null && needsStorage)
            {
                failures.Add($"{Section}:Storage:ConnectionString (--connection-string) or {Section}:Storage:ServiceUri must be set.");
            }
            else if (storage.ServiceUri is not null && !WebUrl.TryParse(storage.ServiceUri.OriginalString, out _))
            {
                failures.Add($"{Section}:Storage:ServiceUri must be an absolute http(s) URL, such as https://<account>.blob.core.windows.net.");
            }
        }
        else if (!IsConnectionString(storage.ConnectionString))
        {
            // The value is never repeated: it holds a key.
            failures.Add($"{Section}:Storage:ConnectionString is not a valid storage connection string.");
        }

        if (!ContainerName().IsMatch(storage.Container) || storage.Container.Contains("--", StringComparison.Ordinal))
        {
            failures.Add($"{Section}:Storage:Container '{storage.Container}' is not a valid container name (3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        var state = storage.EffectiveStateContainer;
        if (!ContainerName().IsMatch(state) || state.Contains("--", StringComparison.Ordinal))
        {
            failures.Add($"{Section}:Storage:StateContainer '{state}' is not a valid container name.");
        }
        else if (state == storage.Container)
        {
            failures.Add($"{Section}:Storage:StateContainer must differ from {Section}:Storage:Container: the state is private, the feeds are public.");
        }

        if (storage.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}:Storage:MaxRetries must be between 0 and 10.");
        }

        if (storage.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:Storage:NetworkTimeout must be positive.");
        }

        if (options.PageSize is < 1 or > 10_000)
        {
            failures.Add($"{Section}:PageSize must be between 1 and 10000.");
        }

        if (options.Deletion.MaxShare is < 0 or > 1 || double.IsNaN(options.Deletion.MaxShare))
        {
            failures.Add($"{Section}:Deletion:MaxShare must be between 0 and 1.");
        }

        if (options.Deletion.MaxCount < 0)
        {
            failures.Add($"{Section}:Deletion:MaxCount must not be negative.");
        }

        if (options.Related.Count is < 0 or > 20)
        {
            failures.Add($"{Section}:Related:Count must be between 0 and 20.");
        }

        if (options.Related.MinScore is < 0 or > 1 || double.IsNaN(options.Related.MinScore))
        {
            failures.Add($"{Section}:Related:MinScore must be between 0 and 1 (a cosine similarity).");
        }

        if (options.Articles.MaxFileBytes < 1)
        {
            failures.Add($"{Section}:Articles:MaxFileBytes must be positive.");
        }

        if (options.Articles.SummaryLength < 20)
        {
            failures.Add($"{Section}:Articles:SummaryLength must be at least 20.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            _ = new BlobServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
