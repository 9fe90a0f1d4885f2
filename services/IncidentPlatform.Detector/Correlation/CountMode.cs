namespace IncidentPlatform.Detector.Correlation;

/// <summary>How an alert is counted into an incident.</summary>
/// <param name="AllowResolved">Count it even if the incident is resolved (a late alert).</param>
/// <param name="Joined">Its fingerprint has just joined the incident (grouping).</param>
/// <param name="Reopened">It reopened the incident.</param>
internal sealed record CountMode(bool AllowResolved = false, bool Joined = false, bool Reopened = false);
