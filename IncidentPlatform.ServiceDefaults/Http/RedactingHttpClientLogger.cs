using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>
/// Logs each outgoing request of every <see cref="HttpClient"/> from the factory in place of the default handlers, which
/// log the whole URL (and a Slack or Teams webhook's URL is its secret): one line per request with the method, the URL
/// redacted by <see cref="UrlRedaction"/>, the status and the time taken, under <c>System.Net.Http.HttpClient</c>.
/// </summary>
internal sealed partial class RedactingHttpClientLogger(ILoggerFactory loggers) : IHttpClientLogger
{
    private readonly ILogger _logger = loggers.CreateLogger("System.Net.Http.HttpClient");

    /// <inheritdoc />
    public object? LogRequestStart(HttpRequestMessage request) => null;

    /// <inheritdoc />
    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogAnswered(_logger, request.Method, UrlRedaction.Redact(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);

    /// <inheritdoc />
    public void LogRequestFailed(
        object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(_logger, request.Method, UrlRedaction.Redact(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, HttpMethod method, string url, int statusCode, double elapsedMilliseconds);

    // The exception's text is left to the caller, which reports it where it handles it.
    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Url} failed ({Error}) after {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogFailed(ILogger logger, HttpMethod method, string url, string error, double elapsedMilliseconds);
}
