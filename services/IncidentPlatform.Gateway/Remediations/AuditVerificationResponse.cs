namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The answer of <c>GET /api/incidents/{id}/audit/verify</c>.</summary>
/// <param name="Mode">How the hashes were checked: <c>hmac-sha256</c> (keyed) or <c>sha256</c> (unkeyed).</param>
/// <param name="Valid">True when every link of the chain holds.</param>
/// <param name="Entries">The number of entries.</param>
/// <param name="FirstBrokenSequence">The first entry that does not check out, when invalid.</param>
/// <param name="Error">What is wrong with it, when invalid.</param>
internal sealed record AuditVerificationResponse(string Mode, bool Valid, long Entries, long? FirstBrokenSequence, string? Error);
