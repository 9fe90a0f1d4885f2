using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>What the store holds about one incident that the KPIs read: the document, its timeline (analysis entries),
/// its remediations (outcomes, approval decisions) and its notification delivery log.</summary>
internal sealed record KpiFacts(
    Incident Incident,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<Contracts.Remediation> Remediations,
    IReadOnlyList<NotificationDelivery> Deliveries);
