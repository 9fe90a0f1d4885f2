using IncidentPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.PagerDuty;

/// <summary><c>pagerduty.resolve</c>: <c>PUT /incidents/{id}</c> with <c>{"incident": {"type": "incident_reference", "status": "resolved"}}</c>.</summary>
internal sealed class PagerDutyResolveExecutor(HttpClient http, IOptions<PagerDutyOptions> options) : PagerDutyExecutor(http, options)
{
    /// <inheritdoc />
    public override string ActionId => CatalogActions.PagerDutyResolve;

    /// <inheritdoc />
    protected override (HttpMethod, string, string) Build(ActionRun run, string incident) => (HttpMethod.Put, $"incidents/{incident}",
        JsonBody.Object(json =>
        {
            json.WriteStartObject("incident");
            json.WriteString("type", "incident_reference");
            json.WriteString("status", "resolved");
            if (run.Parameter("resolution") is { } resolution)
            {
                json.WriteString("resolution", resolution);
            }

            json.WriteEndObject();
        }));

    /// <inheritdoc />
    protected override string Describe(string answer) =>
        $"incident {JsonBody.Read(answer, "incident", "id") ?? "?"} status {JsonBody.Read(answer, "incident", "status") ?? "?"}";
}
