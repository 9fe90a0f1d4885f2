using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Serialization;

/// <summary>The JSON body of a generic webhook, and of a console/file channel's lines.</summary>
internal sealed record WebhookPayload
{
    public required string DeliveryId { get; init; }

    public required string Channel { get; init; }

    public required string EventType { get; init; }

    public required string IncidentId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Severity Severity { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    public Incident? Incident { get; init; }

    public Remediation? Remediation { get; init; }

    public IncidentAnalysis? Analysis { get; init; }
}
