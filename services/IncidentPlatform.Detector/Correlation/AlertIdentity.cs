namespace IncidentPlatform.Detector.Correlation;

/// <summary>Who an alert is, for correlation.</summary>
/// <param name="Fingerprint">Alerts with the same one belong to the same incident.</param>
/// <param name="Member">The finest identity: the alert instance whose firing and resolving is tracked. It differs from
/// the fingerprint only when volatile labels were left out of the fingerprint (two pods of one deployment are two members
/// of one fingerprint).</param>
internal sealed record AlertIdentity(string Fingerprint, string Member);
