using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>A page of incidents; pass <see cref="NextCursor"/> as <c>?cursor=</c> for the next one.</summary>
internal sealed record IncidentList(IReadOnlyList<Incident> Items, string? NextCursor);
