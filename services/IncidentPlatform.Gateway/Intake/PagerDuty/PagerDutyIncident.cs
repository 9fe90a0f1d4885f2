namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>The <c>incident</c> data of an incident event.</summary>
internal sealed record PagerDutyIncident
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? HtmlUrl { get; init; }

    public long? Number { get; init; }

    public string? Status { get; init; }

    public string? IncidentKey { get; init; }

    public string? Title { get; init; }

    public string? Urgency { get; init; }

    public PagerDutyReference? Service { get; init; }

    public PagerDutyReference? Priority { get; init; }

    public IReadOnlyList<PagerDutyReference>? Teams { get; init; }
}
