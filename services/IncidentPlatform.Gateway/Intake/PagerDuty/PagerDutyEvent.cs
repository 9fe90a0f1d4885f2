namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>An outbound PagerDuty event: its id, type (<c>incident.triggered</c>…), time, and the changed resource.</summary>
internal sealed record PagerDutyEvent
{
    public string? Id { get; init; }

    public string? EventType { get; init; }

    public string? ResourceType { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public PagerDutyIncident? Data { get; init; }
}
