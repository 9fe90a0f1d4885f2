namespace IncidentPlatform.Contracts;

/// <summary>Event: a remediation was rejected or expired.</summary>
public sealed record RemediationRejected : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>Who rejected it (<c>system</c> on expiry).</summary>
    public required string Actor { get; init; }

    /// <summary>Through which channel.</summary>
    public required string Channel { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }
}
