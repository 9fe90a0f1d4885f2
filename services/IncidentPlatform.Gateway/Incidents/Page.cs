namespace IncidentPlatform.Gateway.Incidents;

/// <summary>A page of items; <see cref="NextOffset"/> is the <c>offset</c> of the next page, null on the last.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int? NextOffset);
