using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>A page of an audit trail: the entries, how many the trail holds, and the offset of the next page (null on the last).</summary>
internal sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long Total, long? NextOffset);
