using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Events;

/// <summary>The incident's list fields, when the event carries the incident.</summary>
internal sealed record IncidentEventSummary(
    string Id, string Title, string? Service, Severity Severity, IncidentStatus Status, long AlertCount, DateTimeOffset UpdatedAt)
{
    public static IncidentEventSummary From(Incident i) => new(i.Id, i.Title, i.Service, i.Severity, i.Status, i.AlertCount, i.UpdatedAt);
}
