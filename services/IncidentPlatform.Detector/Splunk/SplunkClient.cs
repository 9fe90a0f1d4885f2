using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Runs searches through Splunk's export endpoint (<c>POST /services/search/v2/jobs/export</c>, form fields
/// <c>search</c>, <c>output_mode=json</c>, <c>earliest_time</c>, <c>latest_time</c> as epoch seconds — earliest
/// inclusive, latest exclusive, so consecutive windows never count an event twice), streaming the results. Its own
/// HTTP handler, outside the shared resilience pipeline: the pollers retry with their own backoff and report to
/// <c>/health</c>, and Splunk's failures must not open the process-wide circuit for other clients.
/// </summary>
internal sealed class SplunkClient : IDisposable
{
    public const string ExportPath = "services/search/v2/jobs/export";
    private readonly SplunkOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient? _http;

    public SplunkClient(IOptions<SplunkOptions> options, TimeProvider time, ILogger<SplunkClient> logger)
    {
        _options = options.Value;
        _time = time;
        if (string.IsNullOrWhiteSpace(_options.Url))
        {
            return;
        }

        if (_options.InsecureSkipVerify)
        {
            logger.LogWarning("Splunk:InsecureSkipVerify is set: the certificate of {Url} is NOT verified. Use it in labs only.", _options.Url);
        }

        _http = new HttpClient(SplunkTls.CreateHandler(_options))
        {
            BaseAddress = new Uri(_options.Url.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // bounded by SplunkOptions.Timeout, on the injected clock
        };
    }

    public bool Configured => _http is not null;

    /// <summary>The query as Splunk expects it: a leading <c>search</c> command unless it starts with one or with a pipe.</summary>
    public static string Normalize(string query)
    {
        var trimmed = query.Trim();
        var startsWithSearch = trimmed.StartsWith("search", StringComparison.OrdinalIgnoreCase) &&
                               trimmed.Length > 6 && char.IsWhiteSpace(trimmed[6]);
        return trimmed.StartsWith('|') || startsWithSearch ? trimmed : "search " + trimmed;
    }

    /// <summary>Epoch seconds, as Splunk's time modifiers accept them.</summary>
    public static string EpochSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Runs the search over [<paramref name="earliest"/>, <paramref name="latest"/>), passing each result on.</summary>
    /// <exception cref="SplunkSearchException">Splunk refused or failed the search, or it could not be reached.</exception>
    public async Task ExportAsync(
        string query, DateTimeOffset earliest, DateTimeOffset latest, Action<ExportRow> onRow, CancellationToken cancellationToken)
    {
        var http = _http ?? throw new SplunkSearchException(SplunkErrorKind.Connection, "Splunk is not configured (Splunk:Url).");
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, ExportPath)
        {
            Content = new FormUrlEncodedContent(
            [
                new("search", Normalize(query)),
                new("output_mode", "json"),
                new("earliest_time", EpochSeconds(earliest)),
                new("latest_time", EpochSeconds(latest)),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(_options.AuthScheme, _options.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(response, linked.Token);
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            await ExportStream.ReadAsync(body, onRow, linked.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SplunkSearchException(SplunkErrorKind.Timeout,
                $"The search did not finish within {_options.Timeout} (Splunk:Timeout).", inner: e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            throw new SplunkSearchException(SplunkErrorKind.BrokenStream, $"The result stream broke off: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            var detail = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new SplunkSearchException(SplunkErrorKind.Connection, $"Could not reach Splunk at {http.BaseAddress}: {detail}", inner: e);
        }
        catch (IOException e)
        {
            throw new SplunkSearchException(SplunkErrorKind.BrokenStream, $"The result stream broke off: {e.Message}", inner: e);
        }
    }

    public void Dispose() => _http?.Dispose();

    private static async Task<SplunkSearchException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var said = ExportStream.MessagesOf(body) ?? (body.Length > 300 ? body[..300] : body);
        var kind = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => SplunkErrorKind.Unauthorized,
            HttpStatusCode.BadRequest => SplunkErrorKind.BadRequest,
            >= HttpStatusCode.InternalServerError => SplunkErrorKind.Unavailable,
            _ => SplunkErrorKind.Http,
        };
        return new SplunkSearchException(kind, $"Splunk answered {status} {response.ReasonPhrase}: {said}".TrimEnd(' ', ':'), status);
    }
}
