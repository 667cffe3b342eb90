using Microsoft.Extensions.Logging;

namespace Syndication.Publishing;

/// <summary>
/// Tells a WebSub hub that feeds changed: one form POST per changed feed (<c>hub.mode=publish</c> and a
/// <c>hub.url</c> per subscription document), retried with exponential backoff. Failures are logged, never thrown:
/// the feeds are already published, and the hub's subscribers still poll.
/// </summary>
internal sealed class WebSubNotifier(HttpClient http, WebSubOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Notifies the hub of every feed in <paramref name="changed"/>, concurrently, and returns the feeds whose notification the hub accepted.</summary>
    public async Task<IReadOnlySet<string>> NotifyAsync(IReadOnlyList<(string Feed, IReadOnlyList<Uri> Topics)> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (options.Hub is null || changed.Count == 0)
        {
            return new HashSet<string>();
        }

        var accepted = await Task.WhenAll(changed.Select(c => NotifyAsync(options.Hub, c.Feed, c.Topics, cancellationToken))).ConfigureAwait(false);
        return changed.Where((_, i) => accepted[i]).Select(c => c.Feed).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The feeds of <paramref name="changed"/> that <see cref="NotifyAsync(IReadOnlyList{ValueTuple{string, IReadOnlyList{Uri}}}, CancellationToken)"/> would notify, without notifying any (a dry run).</summary>
    public IReadOnlySet<string> WouldNotify(IReadOnlyList<(string Feed, IReadOnlyList<Uri> Topics)> changed) =>
        options.Hub is null ? new HashSet<string>() : changed.Select(c => c.Feed).ToHashSet(StringComparer.Ordinal);

    private async Task<bool> NotifyAsync(Uri hub, string feed, IReadOnlyList<Uri> topics, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                var form = new List<KeyValuePair<string, string>> { new("hub.mode", "publish") };
                form.AddRange(topics.Select(t => new KeyValuePair<string, string>("hub.url", t.AbsoluteUri)));
                using var content = new FormUrlEncodedContent(form);
                using var response = await http.PostAsync(hub, content, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Log.HubNotified(logger, feed, hub.AbsoluteUri, attempt);
                    return true;
                }

                failure = $"the hub answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = e is OperationCanceledException ? $"no answer within {options.Timeout}" : e.Message;
            }

            if (attempt == options.Attempts)
            {
                Log.HubNotificationFailed(logger, feed, hub.AbsoluteUri, attempt, failure);
                return false;
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }

        return false;
    }
}
