using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>One page of incidents, newest update first.</summary>
/// <param name="Items">The incidents.</param>
/// <param name="NextCursor">Pass as <see cref="IncidentQuery.Cursor"/> for the next page; null on the last page.</param>
public sealed record IncidentPage(IReadOnlyList<Incident> Items, string? NextCursor);
