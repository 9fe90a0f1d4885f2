namespace IncidentPlatform.Gateway.Intake.Alertmanager;

/// <summary>
/// An Alertmanager webhook notification (version 4): one alert group. Grafana's unified alerting webhook sends the same
/// shape with a few more fields (<c>orgId</c>, <c>title</c>, <c>state</c>, <c>message</c>; per alert <c>values</c> and
/// dashboard, panel and silence URLs).
/// </summary>
internal sealed record AlertmanagerPayload
{
    public string? Version { get; init; }

    public string? GroupKey { get; init; }

    public int? TruncatedAlerts { get; init; }

    public string? Status { get; init; }

    public string? Receiver { get; init; }

    public Dictionary<string, string>? GroupLabels { get; init; }

    public Dictionary<string, string>? CommonLabels { get; init; }

    public Dictionary<string, string>? CommonAnnotations { get; init; }

    public string? ExternalUrl { get; init; }

    public IReadOnlyList<AlertmanagerAlert>? Alerts { get; init; }

    /// <summary>Grafana: the organisation.</summary>
    public long? OrgId { get; init; }

    /// <summary>Grafana: the rendered notification title.</summary>
    public string? Title { get; init; }

    /// <summary>Grafana: <c>alerting</c> or <c>ok</c>.</summary>
    public string? State { get; init; }

    /// <summary>Grafana: the rendered notification message.</summary>
    public string? Message { get; init; }
}
