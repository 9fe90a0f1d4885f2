using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.PagerDuty;

/// <summary>
/// The PagerDuty REST API v2 actions: <c>pagerduty.resolve</c> (<c>PUT /incidents/{id}</c> with status resolved)
/// and <c>pagerduty.note</c> (<c>POST /incidents/{id}/notes</c>), with <c>Authorization: Token token=…</c> and the
/// acting user's e-mail in <c>From</c>.
/// </summary>
internal abstract class PagerDutyExecutor(HttpClient http, IOptions<PagerDutyOptions> options) : IActionExecutor
{
    /// <inheritdoc />
    public abstract string ActionId { get; }

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var incident = run.Parameter("incident")!;
        var (method, path, body) = Build(run, Uri.EscapeDataString(incident));
        var url = new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), path);
        var record = $"{method} {url}\nAuthorization: Token token=<redacted>\nFrom: {settings.From}\n" +
                     "Accept: application/vnd.pagerduty+json;version=2\nContent-Type: application/json\n\n" + body;
        if (run.DryRun)
        {
            return ActionOutcome.Recorded(record);
        }

        if (string.IsNullOrWhiteSpace(settings.ApiKey) || string.IsNullOrWhiteSpace(settings.From))
        {
            return ActionOutcome.Failed(record, $"{PagerDutyOptions.Section}:ApiKey and From must be configured");
        }

        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", $"token={settings.ApiKey.Trim()}");
        request.Headers.Add("From", settings.From.Trim());
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.pagerduty+json;version=2");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ActionOutcome.Succeeded(record, Describe(answer));
            }

            var error = JsonBody.Read(answer, "error", "message") ?? response.ReasonPhrase;
            return ActionOutcome.Failed(record, $"PagerDuty answered {(int)response.StatusCode}: {error}", answer);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return ActionOutcome.Failed(record, $"PagerDuty could not be reached: {e.Message}");
        }
    }

    /// <summary>The method, path (relative to the base address) and JSON body.</summary>
    protected abstract (HttpMethod Method, string Path, string Body) Build(ActionRun run, string incident);

    /// <summary>A short description of the successful answer.</summary>
    protected abstract string Describe(string answer);
}
