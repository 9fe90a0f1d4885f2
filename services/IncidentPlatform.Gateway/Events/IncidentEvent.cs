namespace IncidentPlatform.Gateway.Events;

/// <summary>One incident event as streamed to the UI: its type (<c>IncidentOpened</c>…), the incident and when.</summary>
internal sealed record IncidentEvent(string Type, string IncidentId, DateTimeOffset OccurredAt, IncidentEventSummary? Incident);
