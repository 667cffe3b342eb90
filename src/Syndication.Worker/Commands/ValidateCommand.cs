using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndication.Publishing;

namespace Syndication.Worker.Commands;

/// <summary>
/// <c>syndication validate</c>: reads every feed and article without publishing and reports problems by file and
/// line; needs no storage, so no storage setting is required.
/// </summary>
public sealed class ValidateCommand : SettingsCommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Print the report as JSON, whatever the outcome" };

    /// <summary>Creates the verb.</summary>
    public ValidateCommand(CommandContext context)
        : base("validate", "Read every feed and article without publishing; report problems by file and line", context)
    {
        AddFeedsOption();
        Add(_json);
        SetAction((parseResult, _) => ValidateAsync(parseResult));
    }

    private async Task<int> ValidateAsync(ParseResult parseResult)
    {
        var json = parseResult.GetValue(_json);
        var verbosity = Context.VerbosityOf(parseResult);
        var builder = CreateBuilder(parseResult, new StatusLine(Context.Error, enabled: false));
        Context.Configure?.Invoke(builder);
        var unknown = CommandHost.Complete(builder);
        var feedsPath = builder.Configuration[$"{SyndicationOptions.SectionName}:{nameof(SyndicationOptions.FeedsPath)}"] ?? new SyndicationOptions().FeedsPath;
        if (unknown.Count > 0)
        {
            return await FailAsync(json, feedsPath, string.Join("; ", unknown), "Invalid configuration:\n  " + string.Join("\n  ", unknown)).ConfigureAwait(false);
        }

        ValidationReport report;
        try
        {
            var options = builder.Configuration.GetSection(SyndicationOptions.SectionName).Get<SyndicationOptions>() ?? new SyndicationOptions();
            feedsPath = options.FeedsPath;
            report = await CatalogValidator.ValidateAsync(options.FeedsPath, options.Articles, TimeProvider.System, CancellationToken.None, options.Derived).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException)
        {
            return await FailAsync(json, feedsPath, e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Every file's own problems are diagnostics already: this is a fault.
            return await FailAsync(json, feedsPath, UnexpectedFailure.Describe("validation failed", e, verbosity)).ConfigureAwait(false);
        }

        if (json)
        {
            await Context.Output.WriteLineAsync(report.ToJson()).ConfigureAwait(false);
            return ExitCodes.Of(report);
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            await Context.Output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            if (diagnostic.Exception is { } exception)
            {
                await Context.Output.WriteLineAsync($"  {exception}").ConfigureAwait(false);
            }
        }

        foreach (var held in report.Held)
        {
            // Information, not a problem: the exit code stays as the diagnostics make it.
            await Context.Output.WriteLineAsync($"{held.File}: info: held until {held.Until.ToUniversalTime():u} (its published date)").ConfigureAwait(false);
        }

        await Context.Output.WriteLineAsync($"{report.Feeds} feeds, {report.Articles} articles in {report.FeedsPath}: {report.Errors} errors, {report.Warnings} warnings").ConfigureAwait(false);
        return ExitCodes.Of(report);
    }

    /// <summary>
    /// Tells why nothing could be validated: on standard error, or with <c>--json</c> as a report of the same shape on
    /// standard output, with the message as its one error, so a CI tool reads every outcome the same way.
    /// </summary>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="feedsPath">The feeds folder, as far as it is known.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="text">How to say it without <c>--json</c>; by default <c>error: </c> and <paramref name="message"/>.</param>
    private async Task<int> FailAsync(bool json, string feedsPath, string message, string? text = null)
    {
        if (!json)
        {
            await Context.Error.WriteLineAsync(text ?? $"error: {message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await Context.Output.WriteLineAsync(ErrorJson(feedsPath, message)).ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    /// <summary>
    /// A report of the shape <c>--json</c> prints, with <paramref name="message"/> as its one error: what stopped the
    /// validation before any file was read.
    /// </summary>
    public static string ErrorJson(string feedsPath, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("feedsPath", feedsPath);
            writer.WriteNumber("feeds", 0);
            writer.WriteNumber("articles", 0);
            writer.WriteNumber("errors", 1);
            writer.WriteNumber("warnings", 0);
            writer.WriteString("error", message);
            writer.WriteStartArray("diagnostics");
            writer.WriteStartObject();
            writer.WriteString("severity", "error");
            writer.WriteString("file", feedsPath);
            writer.WriteNull("line");
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("held");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
