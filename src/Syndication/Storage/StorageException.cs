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
        : base(Describe(resource, status, errorCode, innerException), innerException)
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

    private static string Describe(string resource, int status, string? errorCode, Exception inner)
    {
        // The SDK's message spans lines of request details; its first line says what happened.
        var detail = inner.Message.Split('\n', 2)[0].Trim();
        return status == 0
            ? $"Storage could not be reached for '{resource}': {detail}"
            : $"Storage answered {status} {errorCode} for '{resource}': {detail}";
    }
}
