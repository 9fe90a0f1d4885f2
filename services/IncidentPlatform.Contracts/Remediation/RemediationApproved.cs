namespace IncidentPlatform.Contracts;

/// <summary>Event: a remediation was approved (by policy or by people) and will run.</summary>
public sealed record RemediationApproved : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>Who approved (the last approver, or <c>policy</c>).</summary>
    public required string Actor { get; init; }

    /// <summary>Through which channel.</summary>
    public required string Channel { get; init; }
}
