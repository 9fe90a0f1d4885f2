namespace IncidentPlatform.Contracts;

/// <summary>Query (request/response, answered with <see cref="AuditTrailVerification"/>): check an incident's audit hash chain.</summary>
public sealed record VerifyAuditTrail : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
