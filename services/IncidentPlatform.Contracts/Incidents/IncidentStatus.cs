namespace IncidentPlatform.Contracts;

/// <summary>The life cycle of an incident.</summary>
public enum IncidentStatus
{
    /// <summary>Opened and not yet acknowledged.</summary>
    Open = 0,

    /// <summary>Someone is on it.</summary>
    Acknowledged = 1,

    /// <summary>Over: resolved by a person, a recovery signal, a quiet period or a verified remediation.</summary>
    Resolved = 2,
}
