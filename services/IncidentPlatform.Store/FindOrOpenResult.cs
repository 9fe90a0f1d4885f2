using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>The incident for a fingerprint, and whether this call opened it.</summary>
/// <param name="Incident">The open incident (the stored one, or the candidate as stored).</param>
/// <param name="Opened">True when this call stored the candidate.</param>
public sealed record FindOrOpenResult(Incident Incident, bool Opened);
