namespace Syndication.Storage;

/// <summary>
/// Storage refused a request or could not be reached, after the client's own retries. The stores throw it in place of
/// the Azure SDK's exceptions, so that nothing past the stores depends on the SDK.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception for a request about <paramref name="resource"/> that storage answered with <paramref name="status"/>.</summary>
    /// <param name="resource">The container or blob the request was about.</param>
    /// <param name="status">The HTTP status, or 0 when storage could not be reached at all.</param>
    /// <param name="errorCode">Storage's error code (such as <c>ServerBusy</c>), when it gave one.</param>
    /// <param name="innerException">The SDK's exception.</param>
    public StorageException(string resource, int status, string? errorCode, Exception innerException)
        : this(resource, status, errorCode, innerException, endpoint: null, attempts: 1)
    {
    }

    /// <summary>Creates the exception for a request to the account at <paramref name="endpoint"/>, given up after <paramref name="attempts"/> attempts.</summary>
    /// <param name="resource">The container or blob the request was about.</param>
    /// <param name="status">The HTTP status, or 0 when storage could not be reached at all.</param>
    /// <param name="errorCode">Storage's error code, when it gave one.</param>
    /// <param name="innerException">The SDK's exception.</param>
    /// <param name="endpoint">The account's blob service URL, without a SAS.</param>
    /// <param name="attempts">How many times the request was sent: 1 and the retries.</param>
    internal StorageException(string resource, int status, string? errorCode, Exception innerException, Uri? endpoint, int attempts)
        : base(Describe(resource, status, errorCode, innerException, endpoint, attempts), innerException)
    {
        Resource = resource;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The container or blob the request was about.</summary>
    public string Resource { get; }

    /// <summary>The HTTP status storage answered with, or 0 when it could not be reached.</summary>
    public int Status { get; }

    /// <summary>Storage's error code, when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The failure in a few words, for a feed's result: <c>storage answered 503 ServerBusy</c>.</summary>
    public string Reason => Status == 0 ? "storage could not be reached" : $"storage answered {Status} {ErrorCode}".TrimEnd();

    private static string Describe(string resource, int status, string? errorCode, Exception inner, Uri? endpoint, int attempts)
    {
        // The SDK's messages span lines of request details and, after retries, speak of its own retry policy: the
        // last attempt's first line says what happened, and the operator's words for the rest are the settings.
        var last = inner is AggregateException { InnerExceptions.Count: > 0 } retried ? retried.InnerExceptions[^1] : inner;
        var detail = last.Message.Split('\n', 2)[0].Trim();
        var storage = endpoint is null ? "Storage" : $"Storage at {endpoint.AbsoluteUri}";
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        var what = status == 0
            ? $"{storage} could not be reached for '{resource}'{tries}: {detail}"
            : $"{storage} answered {status} {errorCode} for '{resource}'{tries}: {detail}";
        // Unreachable, or still failing after the retries: the setting that decides how long to insist.
        return status == 0 || attempts > 1
            ? $"{what}. {SettingsName}:MaxRetries sets how many times a request is retried (and {SettingsName}:NetworkTimeout how long each may take)."
            : what;
    }

    private const string SettingsName = "Syndication:Storage";
}
