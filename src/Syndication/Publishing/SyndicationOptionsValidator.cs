using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Checks <see cref="SyndicationOptions"/> at start, naming each setting that is wrong: the ranges and formats its
/// attributes declare, then what no attribute can say because it depends on other settings, the file system or a
/// parser.
/// </summary>
public sealed class SyndicationOptionsValidator : IValidateOptions<SyndicationOptions>
{
    private const string Section = SyndicationOptions.SectionName;
    private readonly SyndicationOptionsAttributeValidator _attributes = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SyndicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Given the section as the name, the generated checks report settings by their keys.
        var failures = SettingFailures.Of(_attributes.Validate(Section, options)).ToList();

        if (options.Source.Container is { } source)
        {
            if (ContainerNameAttribute.IsValidName(source) && (source == options.Storage.Container || source == options.Storage.EffectiveStateContainer))
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
            failures.Add($"{Section}:WebSub:Hub must be an absolute http(s) URL, without a user name or password.");
        }

        if (options.JsonFeedExtensionAbout is not null && !WebUrl.TryParse(options.JsonFeedExtensionAbout.OriginalString, out _))
        {
            failures.Add($"{Section}:JsonFeedExtensionAbout must be an absolute http(s) URL, without a user name or password.");
        }

        if (options.Derived.Link is not null && !WebUrl.TryParse(options.Derived.Link.OriginalString, out _))
        {
            failures.Add($"{Section}:Derived:Link must be an absolute http(s) URL, without a user name or password.");
        }

        if (options.PublicBaseUrl is not null && !WebUrl.TryParse(options.PublicBaseUrl.OriginalString, out _))
        {
            failures.Add($"{Section}:PublicBaseUrl must be an absolute http(s) URL, without a user name or password.");
        }

        if (options.OnlyFeeds.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:OnlyFeeds (--feed) must name feeds: an entry is empty.");
        }

        AddStorageFailures(options, failures);
        AddStatePathFailures(options, failures);
        failures.AddRange(Sources.QueueServiceClientFactory.Failures(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddStatePathFailures(SyndicationOptions options, List<string> failures)
    {
        if (options.OutputPath is not { } output)
        {
            if (!string.IsNullOrWhiteSpace(options.StatePath))
            {
                // Set by mistake or for another command: either way nothing would be kept where the operator expects.
                failures.Add($"{Section}:StatePath (--state) is only used with {Section}:OutputPath (--out): " +
                    $"publishing to storage keeps its private files in {Section}:Storage:StateContainer.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            failures.Add($"{Section}:OutputPath (--out) must name a folder.");
            return;
        }

        // Documents written into the feeds folder would overwrite its files (the JSON Feed document is a feed.json), and
        // feeds read from the output folder would be read from what was published.
        if (options.Source.Container is null && !string.IsNullOrWhiteSpace(options.FeedsPath))
        {
            var (served, read) = (Path.GetFullPath(output), Path.GetFullPath(options.FeedsPath));
            if (PrivateFolder.Overlap(served, read))
            {
                failures.Add($"{Section}:OutputPath (--out) '{served}' must lie outside {Section}:FeedsPath (--feeds) '{read}', and not contain it: "
                    + "documents written there would overwrite the articles and feed definitions, or be read as feeds.");
            }
        }

        var setting = string.IsNullOrWhiteSpace(options.StatePath) ? $"{Section}:StatePath (--state; the default, beside the output folder)" : $"{Section}:StatePath (--state)";
        if (PrivateFolder.Of(output, options.StatePath) is not { } state)
        {
            failures.Add($"{Section}:StatePath (--state) must be set: the output folder '{Path.GetFullPath(output)}' has no parent folder to hold the default.");
            return;
        }

        // The output folder is served: private files inside it would be published, and files of one inside the
        // other would be taken for the other's.
        var outputFolder = Path.GetFullPath(output);
        if (PrivateFolder.Overlap(state, outputFolder))
        {
            failures.Add($"{setting} '{state}' must lie outside {Section}:OutputPath (--out) '{outputFolder}', which is served, and not contain it.");
        }

        // Inside the feeds folder, the private files would be read as a feed.
        if (options.Source.Container is null && !string.IsNullOrWhiteSpace(options.FeedsPath))
        {
            var feeds = Path.GetFullPath(options.FeedsPath);
            if (PrivateFolder.Overlap(state, feeds))
            {
                failures.Add($"{setting} '{state}' must lie outside {Section}:FeedsPath '{feeds}', and not contain it.");
            }
        }
    }

    private static void AddStorageFailures(SyndicationOptions options, List<string> failures)
    {
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
                failures.Add($"{Section}:Storage:ServiceUri must be an absolute http(s) URL without a user name or password, such as https://<account>.blob.core.windows.net.");
            }
        }
        else if (!BlobServiceClientFactory.IsConnectionString(storage.ConnectionString))
        {
            // The value is never repeated: it holds a key.
            failures.Add($"{Section}:Storage:ConnectionString is not a valid storage connection string.");
        }

        // An unset state container takes its name from the published one, which the attribute on it cannot see.
        var state = storage.EffectiveStateContainer;
        if (storage.StateContainer is null && ContainerNameAttribute.IsValidPublicName(storage.Container) && !ContainerNameAttribute.IsValidName(state))
        {
            failures.Add($"{Section}:Storage:StateContainer '{state}' (the default, from {Section}:Storage:Container) is not a valid container name: set it.");
        }
        else if (state == storage.Container)
        {
            failures.Add($"{Section}:Storage:StateContainer must differ from {Section}:Storage:Container: the state is private, the feeds are public.");
        }

        // $web is served at the static website endpoint, which no setting names and its blob URL is not: without the
        // endpoint, every self link and page link would point where readers are refused.
        if (storage.IsStaticWebsite && options.PublicBaseUrl is null && options.OutputPath is null)
        {
            failures.Add($"{Section}:PublicBaseUrl (--public-base-url) must be set when {Section}:Storage:Container is {StaticWebsite.Container}: " +
                "the static website endpoint, such as https://<account>.z6.web.core.windows.net/.");
        }
    }
}
