using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Gateway.Telemetry;

/// <summary>
/// The gateway's ActivitySource and Meter, <c>incidentplatform.gateway</c>, with instruments named
/// <c>incidentplatform.gateway.*</c> (recorded by ServiceDefaults' <c>incidentplatform.*</c>).
/// </summary>
internal sealed class GatewayTelemetry
{
    public const string Name = "incidentplatform.gateway";

    /// <summary>The tag that carries an alert's id on the gateway's spans, so a trace is found by the alert.</summary>
    public const string AlertIdTag = "incidentplatform.alert_id";

    private readonly Counter<long> _alertsAccepted;
    private readonly Counter<long> _alertsRejected;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _authFailures;

    public GatewayTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _alertsAccepted = meter.CreateCounter<long>("incidentplatform.gateway.alerts.accepted", "{alert}",
            "Alerts queued for correlation, by source; a sender's retry of an alert already accepted has duplicate=true.");
        _alertsRejected = meter.CreateCounter<long>("incidentplatform.gateway.alerts.rejected", "{request}",
            "Alert deliveries answered with an error (invalid, unauthorized, or 503 when the bus could not take them), by route and status.");
        _toolCalls = meter.CreateCounter<long>("incidentplatform.gateway.mcp.tool_calls", "{call}",
            "MCP tool calls, by tool and outcome (ok, error, forbidden, invalid_arguments, unauthenticated).");
        _authFailures = meter.CreateCounter<long>("incidentplatform.gateway.auth.failures", "{request}",
            "Requests refused by authorization: unauthenticated (no or an invalid credential) or forbidden (a missing scope or role).");
    }

    /// <summary>The gateway's spans.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>An alert was queued (or recognised as a retry of one that was).</summary>
    public void Accepted(string source, bool duplicate) =>
        _alertsAccepted.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("duplicate", duplicate));

    /// <summary>An alert delivery was answered with an error.</summary>
    public void Rejected(string route, int status) =>
        _alertsRejected.Add(1, new KeyValuePair<string, object?>("http.route", route),
            new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>An MCP tool call ended.</summary>
    public void ToolCalled(string tool, string outcome) =>
        _toolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Authorization refused a request.</summary>
    public void AuthFailed(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
