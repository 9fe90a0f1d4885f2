using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Events;

/// <summary>
/// What one notification is about, whatever message it came from: the event, the incident (carried by the message or
/// loaded from the store), and the remediation or analysis it concerns.
/// </summary>
internal sealed record NotificationEvent
{
    /// <summary>The event type (<see cref="EventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// What makes this event distinct for its incident and type (the incident version, the remediation id…): with the
    /// incident id and channel it forms the idempotency key, so the same event delivered twice posts once.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The incident as of the event, when known.</summary>
    public Incident? Incident { get; init; }

    /// <summary>The remediation, for remediation events.</summary>
    public Remediation? Remediation { get; init; }

    /// <summary>The analysis, for <c>IncidentAnalyzed</c> (or the incident's own).</summary>
    public IncidentAnalysis? Analysis { get; init; }

    /// <summary>Who acted (approver, resolver, requester).</summary>
    public string? Actor { get; init; }

    /// <summary>Why (resolution or rejection reason).</summary>
    public string? Reason { get; init; }

    /// <summary>What failed.</summary>
    public string? Error { get; init; }

    /// <summary>What changed, for updates.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>
    /// For updates: worth telling people (the detector's <c>Significant</c> — severity up, new template, reopened — or a
    /// change of status or severity). Other updates (one more alert) go only to channels that ask for every update.
    /// </summary>
    public bool Significant { get; init; } = true;

    /// <summary>A requester's own words (<c>SendNotification.Message</c>) or the storm summary's text.</summary>
    public string? Message { get; init; }

    /// <summary>The result of an executed remediation.</summary>
    public RemediationResult? Result { get; init; }

    /// <summary>The severity used for routing and quiet hours.</summary>
    public Severity Severity => Incident?.Severity ?? Analysis?.Severity ?? Severity.Info;

    /// <summary>The incident title, or the id when the incident is unknown.</summary>
    public string Title => Incident?.Title ?? IncidentId;
}
