using System.Text.Json;

namespace IncidentPlatform.Gateway.Intake.Alertmanager;

/// <summary>One alert of a group: <c>firing</c> or <c>resolved</c>, its labels (its identity) and annotations.</summary>
internal sealed record AlertmanagerAlert
{
    public string? Status { get; init; }

    public Dictionary<string, string>? Labels { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>When it resolved; <c>0001-01-01T00:00:00Z</c> while firing.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    public string? GeneratorUrl { get; init; }

    /// <summary>The sender's hash of the labels.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Grafana: the query values that fired it.</summary>
    public Dictionary<string, JsonElement>? Values { get; init; }

    /// <summary>Grafana (older versions): the values as text.</summary>
    public string? ValueString { get; init; }

    public string? DashboardUrl { get; init; }

    public string? PanelUrl { get; init; }

    public string? SilenceUrl { get; init; }
}
