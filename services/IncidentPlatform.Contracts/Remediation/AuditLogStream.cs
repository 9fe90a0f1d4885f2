namespace IncidentPlatform.Contracts;

/// <summary>
/// Where an incident's audit trail lives: the remediation service appends one <see cref="AuditEntry"/> (JSON) per step
/// to the append-log stream <c>audit:{incidentId}</c>; the gateway reads it.
/// </summary>
public static class AuditLogStream
{
    /// <summary>The stream name prefix.</summary>
    public const string Prefix = "audit:";

    /// <summary>The stream of <paramref name="incidentId"/>.</summary>
    public static string For(string incidentId) => Prefix + incidentId;
}
