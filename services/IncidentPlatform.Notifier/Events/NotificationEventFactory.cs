using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Notifier.Events;

/// <summary>Turns each consumed message into a <see cref="NotificationEvent"/>.</summary>
internal static class NotificationEventFactory
{
    public static NotificationEvent From(IncidentOpened m) => Incident(EventTypes.IncidentOpened, m.Incident, m.OccurredAt);

    public static NotificationEvent From(IncidentUpdated m) =>
        Incident(EventTypes.IncidentUpdated, m.Incident, m.OccurredAt) with
        {
            Changes = m.Changes,
            Significant = m.Significant || m.Changes.Any(c => c is "status" or "severity"),
        };

    public static NotificationEvent From(IncidentResolved m) =>
        Incident(EventTypes.IncidentResolved, m.Incident, m.OccurredAt) with { Actor = m.ResolvedBy, Reason = m.Reason };

    public static NotificationEvent From(IncidentAnalyzed m) => new()
    {
        Type = EventTypes.IncidentAnalyzed,
        Key = m.Analysis.AnalyzedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        IncidentId = m.IncidentId,
        OccurredAt = m.OccurredAt,
        Analysis = m.Analysis,
    };

    public static NotificationEvent From(RemediationProposed m) => Remediation(EventTypes.RemediationProposed, m.Remediation, m.OccurredAt);

    public static NotificationEvent From(ApprovalRequested m) => Remediation(EventTypes.ApprovalRequested, m.Remediation, m.OccurredAt);

    public static NotificationEvent From(RemediationApproved m) =>
        Remediation(EventTypes.RemediationApproved, m.Remediation, m.OccurredAt) with { Actor = m.Actor };

    public static NotificationEvent From(RemediationRejected m) =>
        Remediation(EventTypes.RemediationRejected, m.Remediation, m.OccurredAt) with { Actor = m.Actor, Reason = m.Reason };

    public static NotificationEvent From(RemediationExecuted m) =>
        Remediation(EventTypes.RemediationExecuted, m.Remediation, m.OccurredAt) with { Result = m.Result };

    public static NotificationEvent From(RemediationFailed m) =>
        Remediation(EventTypes.RemediationFailed, m.Remediation, m.OccurredAt) with { Error = m.Error };

    public static NotificationEvent From(RemediationInterrupted m) =>
        Remediation(EventTypes.RemediationInterrupted, m.Remediation, m.OccurredAt) with { Error = m.Reason };

    private static NotificationEvent Incident(string type, Incident incident, DateTimeOffset at) => new()
    {
        Type = type,
        Key = "v" + incident.Version.ToString(CultureInfo.InvariantCulture),
        IncidentId = incident.Id,
        OccurredAt = at,
        Incident = incident,
        Analysis = incident.Analysis,
    };

    private static NotificationEvent Remediation(string type, Remediation remediation, DateTimeOffset at) => new()
    {
        Type = type,
        Key = remediation.Id,
        IncidentId = remediation.IncidentId,
        OccurredAt = at,
        Remediation = remediation,
    };
}
